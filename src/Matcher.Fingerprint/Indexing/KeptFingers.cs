using System.Collections;
using Matcher.Core.Subjects;
using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Indexing;

/// <summary>
/// A subject's enrolled fingers as a gallery keeps them for reading back: one array, each finger's position and quality
/// followed by one native template record of all its views, decoded again on every read. A gallery of a million
/// subjects held as template objects would be some fifty million objects that every full garbage collection marks;
/// this is two per subject. The native form is what the durable log keeps, so a finger read back here equals one read
/// back after a restart. Immutable.
/// </summary>
internal sealed class KeptFingers : IReadOnlyList<EnrolledSample>
{
    private readonly byte[] _stored;

    private KeptFingers(byte[] stored, int count)
    {
        _stored = stored;
        Count = count;
    }

    public int Count { get; }

    public EnrolledSample this[int index] => Decode()[index];

    /// <summary>The fingers in compact form; they must all be <see cref="EnrolledFinger"/>s, at distinct positions.</summary>
    public static KeptFingers Of(IReadOnlyList<EnrolledSample> samples)
    {
        var fingers = samples.Cast<EnrolledFinger>().ToList();
        var native = fingers.Count == 0
            ? []
            : TemplateCodecs.Export([.. fingers.Select(f => new FingerprintView(f.Position, 0, 0, f.Template))], TemplateFormat.Native);
        var stored = new byte[fingers.Count + native.Length];
        for (var i = 0; i < fingers.Count; i++)
        {
            stored[i] = (byte)Math.Clamp(fingers[i].Quality, 0, 100);
        }
        native.CopyTo(stored, fingers.Count);
        return new KeptFingers(stored, fingers.Count);
    }

    public IEnumerator<EnrolledSample> GetEnumerator() => ((IEnumerable<EnrolledSample>)Decode()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private EnrolledSample[] Decode()
    {
        if (Count == 0)
        {
            return [];
        }
        var views = TemplateCodecs.Import(_stored.AsSpan(Count));
        var fingers = new EnrolledSample[Count];
        for (var i = 0; i < Count; i++)
        {
            fingers[i] = new EnrolledFinger(views[i].FingerPosition, views[i].Template, _stored[i]);
        }
        return fingers;
    }
}
