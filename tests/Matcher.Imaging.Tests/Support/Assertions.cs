using Matcher.Core.Errors;
using Xunit;

namespace Matcher.Imaging.Tests.Support;

internal static class Expect
{
    /// <summary>Runs <paramref name="action"/> and checks it throws a BiometricInputException with this problem and reason.</summary>
    public static BiometricInputException Problem(InputProblem problem, string reasonCode, Action action)
    {
        var exception = Assert.Throws<BiometricInputException>(action);
        Assert.Equal(reasonCode, exception.ReasonCode);
        Assert.Equal(problem, exception.Problem);
        return exception;
    }

    public static BiometricInputException Invalid(string reasonCode, Action action) => Problem(InputProblem.Invalid, reasonCode, action);
}
