namespace Matcher.Core.Errors;

/// <summary>What kind of problem an input has; the service maps each kind to one gRPC status.</summary>
public enum InputProblem
{
    /// <summary>Malformed or undecodable data, values out of range (gRPC InvalidArgument).</summary>
    Invalid,

    /// <summary>Data larger than a configured limit (gRPC ResourceExhausted).</summary>
    TooLarge,

    /// <summary>Well-formed data that cannot be used: no face, too few minutiae, too little foreground (gRPC FailedPrecondition).</summary>
    Unusable,
}

/// <summary>
/// A problem with a biometric input, worded for a station operator, with a stable machine-readable reason code
/// (for example "image.too_small" or "face.none_detected"). Never carries the biometric data itself.
/// </summary>
public sealed class BiometricInputException : Exception
{
    public BiometricInputException(InputProblem problem, string reasonCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        ReasonCode = reasonCode;
    }

    public InputProblem Problem { get; }

    public string ReasonCode { get; }

    public static BiometricInputException Invalid(string reasonCode, string message, Exception? inner = null) =>
        new(InputProblem.Invalid, reasonCode, message, inner);

    public static BiometricInputException TooLarge(string reasonCode, string message) =>
        new(InputProblem.TooLarge, reasonCode, message);

    public static BiometricInputException Unusable(string reasonCode, string message) =>
        new(InputProblem.Unusable, reasonCode, message);
}
