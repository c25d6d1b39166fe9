namespace Matcher.Fuzzing;

/// <summary>What a reader did with one input: read it, or refused it the way its contract documents.</summary>
internal enum FuzzOutcome
{
    Accepted,
    Refused,
}

/// <summary>
/// One reader of untrusted bytes under fuzz. <see cref="Run"/> returns when the reader read the input or refused it
/// with its documented exception; any other exception, and any broken invariant the target checks, escapes and is
/// what AFL records as a crash.
/// </summary>
internal abstract class FuzzTarget
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract FuzzOutcome Run(byte[] input);

    /// <summary>Small valid inputs for the fuzzer to start from; each one is accepted by <see cref="Run"/>.</summary>
    public abstract IEnumerable<(string Name, byte[] Bytes)> Seeds();
}

/// <summary>A reader broke a promise the target checks beyond "no unexpected exception".</summary>
internal sealed class BrokenInvariantException(string message) : Exception(message);
