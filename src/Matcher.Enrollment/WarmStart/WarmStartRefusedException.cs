namespace Matcher.Enrollment.WarmStart;

/// <summary>
/// The node must not start: its data directory is empty and Redis could not fill it within the start-up wait, and
/// starting empty would later rebuild Redis from nothing. The message says why and what to do; it holds no biometric data.
/// </summary>
public sealed class WarmStartRefusedException(string message, Exception? inner = null) : Exception(message, inner);
