using Microsoft.Extensions.Options;

namespace Matcher.Redis.Options;

/// <summary>Checks the warm-cache options when a host starts, so a bad value stops it with the option's name.</summary>
public sealed class RedisCacheOptionsValidator : IValidateOptions<RedisCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisCacheOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            // The message never repeats the connection string, which may hold a password.
            return ValidateOptionsResult.Fail($"Redis warm cache option {e.ParamName}: {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
