namespace Matcher.Server.Security.Authorization;

/// <summary>A call, or one subject of an import, names a gallery its caller may not touch; becomes PERMISSION_DENIED.</summary>
internal sealed class GalleryDeniedException(string message) : Exception(message);
