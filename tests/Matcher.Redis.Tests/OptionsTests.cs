using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Xunit;

namespace Matcher.Redis.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Password_user_and_TLS_reach_the_client_configuration()
    {
        var configuration = new RedisCacheOptions { ConnectionString = "cache1:6380,user=matcher,password=s3cret,ssl=true,sslHost=cache1.example" }
            .ToConfiguration();
        Assert.Equal("matcher", configuration.User);
        Assert.Equal("s3cret", configuration.Password);
        Assert.True(configuration.Ssl);
        Assert.Equal("cache1.example", configuration.SslHost);
        Assert.False(configuration.AbortOnConnectFail);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("password=s3cret", "names no server")]
    [InlineData("cache1:6380,password=s3cret,nonsense=1", "not valid")]
    public void Bad_connection_strings_are_explained_without_repeating_the_password(string connectionString, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisCacheOptions { ConnectionString = connectionString }.Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_limits_name_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisCacheOptions { ConnectionString = "cache1", MaxQueuedChanges = 0 }.Validate());
        Assert.Contains(nameof(RedisCacheOptions.MaxQueuedChanges), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RedisCacheOptions { ConnectionString = "cache1", KeyPrefix = "a b" }.Validate());
        Assert.Throws<ArgumentException>(() => new RedisCacheOptions { ConnectionString = "cache1", StartupWait = TimeSpan.FromDays(2) }.Validate());
    }

    [Fact]
    public void The_hosting_validator_names_the_bad_option_and_never_repeats_the_password()
    {
        var validator = new RedisCacheOptionsValidator();
        Assert.True(validator.Validate(null, new RedisCacheOptions { ConnectionString = "cache1:6379" }).Succeeded);

        var badPrefix = validator.Validate(null, new RedisCacheOptions { ConnectionString = "cache1:6379,password=s3cret", KeyPrefix = "two words" });
        var badString = validator.Validate(null, new RedisCacheOptions { ConnectionString = "cache1:6379,password=s3cret,ssl=maybe" });

        Assert.True(badPrefix.Failed);
        Assert.Contains(nameof(RedisCacheOptions.KeyPrefix), badPrefix.FailureMessage, StringComparison.Ordinal);
        Assert.True(badString.Failed);
        Assert.Contains(nameof(RedisCacheOptions.ConnectionString), badString.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", badString.FailureMessage, StringComparison.Ordinal);
    }
}
