using System.Buffers.Binary;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;
using Matcher.Fingerprint.Templates.Formats;
using Xunit;

namespace Matcher.Fingerprint.Tests.Templates;

/// <summary>
/// Feeds thousands of damaged records of all three formats to the importer: each must either import or end in a
/// <see cref="BiometricInputException"/>, without any other exception and without allocating much more than a valid
/// record needs.
/// </summary>
public sealed class TemplateFuzzTests
{
    private const int RoundsPerSeed = 1500;

    /// <summary>A valid record of 10 views x 255 minutiae decodes into about 45 KB; error messages add little.</summary>
    private const long AllocationBudget = 256 * 1024;

    [Fact(Timeout = 120_000)]
    public async Task DamagedRecordsImportOrFailCleanly()
    {
        var outcomes = await Task.Run(() => Fuzz(new Random(378_2004)));
        Assert.True(outcomes.Imported > 500, $"only {outcomes.Imported} damaged records still imported");
        Assert.True(outcomes.Rejected > 8_000, $"only {outcomes.Rejected} damaged records were rejected");
        Assert.True(outcomes.LargestAllocation < AllocationBudget, $"an import allocated {outcomes.LargestAllocation} bytes");
        TestContext.Current.SendDiagnosticMessage(
            $"fuzz: {outcomes.Imported} imported, {outcomes.Rejected} rejected, largest allocation {outcomes.LargestAllocation} bytes");
    }

    private static Outcomes Fuzz(Random random)
    {
        var outcomes = new Outcomes();
        foreach (var seed in Seeds(random))
        {
            for (var round = 0; round < RoundsPerSeed; round++)
            {
                TryImport(Mutate(seed, random), outcomes);
            }
        }
        for (var round = 0; round < 2000; round++)
        {
            TryImport(RandomBytes(random), outcomes);
        }
        return outcomes;
    }

    private static void TryImport(byte[] data, Outcomes outcomes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            var views = TemplateCodecs.Import(data);
            Assert.InRange(views.Count, 1, 10);
            Assert.All(views, v => Assert.All(v.Template.Minutiae, m => Assert.True(m.X < v.Template.Width && m.Y < v.Template.Height)));
            outcomes.Imported++;
        }
        catch (BiometricInputException)
        {
            outcomes.Rejected++;
        }
        outcomes.LargestAllocation = Math.Max(outcomes.LargestAllocation, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static IEnumerable<byte[]> Seeds(Random random)
    {
        yield return TemplateSamples.Read(Path.Combine("openafis", "fvc2002", "DB3_B", "105_4.iso"));
        yield return TemplateSamples.Read(Path.Combine("nist-biomdi", "ISO-19794-2_2005_Appendix-C2_Example.raw"));
        yield return TemplateSamples.Read(Path.Combine("nist-biomdi", "ANSI-INCITS-378_2004_Appendix-B2_Example.raw"));
        yield return TemplateSamples.Read(Path.Combine("fingerprintio", "ansi378v2004-sample.dat"));
        yield return TemplateSamples.Read(Path.Combine("sourceafis", "iso-probe.dat"));
        var views = RandomTemplates.Views(random, 3);
        yield return TemplateCodecs.Export(views, TemplateFormat.Ansi378_2004);
        yield return TemplateCodecs.Export(views, TemplateFormat.Native);
        yield return TemplateCodecs.Export(RandomTemplates.Views(random, 10), TemplateFormat.Native);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = (byte[])seed.Clone();
        switch (random.Next(6))
        {
            case 0:
                data = data[..random.Next(data.Length)];
                break;
            case 1:
                FlipBits(data, random, random.Next(1, 9));
                break;
            case 2:
                LieAboutLengths(data, random);
                break;
            case 3:
                data = [.. data, .. RandomBytes(random, random.Next(1, 64), zeros: random.Next(2) == 0)];
                break;
            case 4:
                LieAboutLengths(data, random);
                FlipBits(data, random, random.Next(1, 4));
                break;
            default:
                data[random.Next(data.Length)] = (byte)random.Next(256);
                break;
        }
        if (data.AsSpan().StartsWith(NativeLayout.Magic) && data.Length >= 11 && random.Next(2) == 0)
        {
            // Re-seal native records so that damage reaches the structure parser instead of stopping at the checksum.
            var length = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(4)), data.Length);
            if (length >= 11)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(length - 4), Crc32C.Compute(data.AsSpan(0, length - 4)));
            }
        }
        return data;
    }

    /// <summary>Overwrites length and count fields (record length, view count, minutia counts, extended data) with random values.</summary>
    private static void LieAboutLengths(byte[] data, Random random)
    {
        int[] candidates = data.AsSpan().StartsWith(NativeLayout.Magic) ? [4, 5, 6, 14] : [8, 9, 10, 11, 22, 24, 27, 29];
        var offset = candidates[random.Next(candidates.Length)];
        if (offset < data.Length)
        {
            data[offset] = random.Next(3) switch
            {
                0 => 0,
                1 => 255,
                _ => (byte)random.Next(256),
            };
        }
        if (data.Length > 2 && random.Next(2) == 0)
        {
            // The extended data length sits right before the end of a single-view record.
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(data.Length - 2), (ushort)random.Next(65536));
        }
    }

    private static void FlipBits(byte[] data, Random random, int count)
    {
        for (var i = 0; i < count && data.Length > 0; i++)
        {
            data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var data = RandomBytes(random, random.Next(0, 600), zeros: false);
        // Give most random inputs a real magic so they get past format detection.
        ReadOnlySpan<byte> prefix = random.Next(3) switch
        {
            0 => "FMR\0 20\0"u8,
            1 => "MTF\u0001"u8,
            _ => [],
        };
        prefix[..Math.Min(prefix.Length, data.Length)].CopyTo(data);
        return data;
    }

    private static byte[] RandomBytes(Random random, int count, bool zeros)
    {
        var data = new byte[count];
        if (!zeros)
        {
            random.NextBytes(data);
        }
        return data;
    }

    private sealed class Outcomes
    {
        public int Imported { get; set; }

        public int Rejected { get; set; }

        public long LargestAllocation { get; set; }
    }
}
