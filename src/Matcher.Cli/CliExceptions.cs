namespace Matcher.Cli;

/// <summary>
/// A command line the user must correct, found only once the command looks at the files it was given (a folder of
/// images without --dpi, an override naming no database); printed with the command's usage, exit code 2.
/// </summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>A command that failed for a reason outside the command line (a service refused or is unreachable); printed as is, exit code 1.</summary>
internal sealed class CliFailureException(string message) : Exception(message);
