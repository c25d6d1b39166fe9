namespace Matcher.Cli.Display;

/// <summary>How far one stage of a long command has come: <paramref name="Done"/> of <paramref name="Total"/> items.</summary>
internal readonly record struct ProgressStep(string Stage, int Done, int Total);
