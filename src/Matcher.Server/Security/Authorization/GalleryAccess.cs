using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Matcher.Server.Requests;
using Matcher.Server.Security.Identity;

namespace Matcher.Server.Security.Authorization;

/// <summary>
/// Gallery restrictions, read from the contract's own field names so every message is covered the same way: a
/// <c>gallery</c> field must name a gallery the caller may touch, an empty <c>galleries</c> list (every gallery) is
/// narrowed to the caller's galleries, and a listed one must be among them. Answers listing galleries (stats) drop
/// the ones the caller may not see. A refusal is a <see cref="GalleryDeniedException"/> (PERMISSION_DENIED).
/// </summary>
internal static class GalleryAccess
{
    private const string GalleryField = "gallery";
    private const string GalleriesField = "galleries";

    /// <summary>Checks (and narrows) <paramref name="request"/> before it runs, so a refused call changes nothing.</summary>
    public static void Apply(IMessage request, Caller caller)
    {
        if (caller.Galleries is null)
        {
            return;
        }
        if (Field(request, GalleryField, FieldType.String, repeated: false) is { } gallery)
        {
            Require(caller, Named((string)gallery.Accessor.GetValue(request)));
        }
        if (Field(request, GalleriesField, FieldType.String, repeated: true) is { } galleries)
        {
            var list = (IList)galleries.Accessor.GetValue(request);
            if (list.Count == 0)
            {
                foreach (var allowed in caller.Galleries.Order(StringComparer.Ordinal))
                {
                    list.Add(allowed);
                }
            }
            foreach (string named in list)
            {
                Require(caller, Named(named));
            }
        }
    }

    /// <summary>Removes from <paramref name="response"/> the galleries the caller may not see.</summary>
    public static void Filter(IMessage response, Caller caller)
    {
        if (caller.Galleries is null || Field(response, GalleriesField, FieldType.Message, repeated: true) is not { } galleries
            || galleries.MessageType.FindFieldByName(GalleryField) is not { FieldType: FieldType.String } name)
        {
            return;
        }
        var list = (IList)galleries.Accessor.GetValue(response);
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (!caller.MayTouch((string)name.Accessor.GetValue((IMessage)list[i]!)))
            {
                list.RemoveAt(i);
            }
        }
    }

    /// <summary>For calls that name a gallery per streamed message (an import): a refusal for that message only.</summary>
    public static void RequireFor(ServerCallContext context, string gallery) =>
        Require(CallerIdentification.Of(context).Caller ?? Caller.Local, gallery);

    private static void Require(Caller caller, string gallery)
    {
        if (!caller.MayTouch(gallery))
        {
            throw new GalleryDeniedException(
                $"{caller.Name} may not touch gallery '{gallery}'; it may touch: {string.Join(", ", caller.Galleries!.Order(StringComparer.Ordinal))}.");
        }
    }

    /// <summary>The gallery a request means; malformed names are left to the service's validation (they match no allowed gallery).</summary>
    private static string Named(string gallery) => gallery.Length == 0 ? RequestValidation.DefaultGallery : gallery;

    private static FieldDescriptor? Field(IMessage message, string name, FieldType type, bool repeated) =>
        message.Descriptor.FindFieldByName(name) is { } field && field.FieldType == type && field.IsRepeated == repeated ? field : null;
}
