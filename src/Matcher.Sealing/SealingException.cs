namespace Matcher.Sealing;

/// <summary>
/// A key or a sealed directory that cannot be used: a missing or wrong master key, a damaged key file, or a directory
/// whose sealing does not match the configuration. The message names the file and says what the operator can do.
/// </summary>
public sealed class SealingException(string message, Exception? inner = null) : IOException(message, inner);
