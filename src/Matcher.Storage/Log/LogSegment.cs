namespace Matcher.Storage.Log;

/// <summary>One segment file of the log; it holds records from <see cref="FirstSequence"/> up to the next segment's first.</summary>
internal sealed record LogSegment(long FirstSequence, string Path);
