using Grpc.Health.V1;
using Xunit;

namespace Matcher.Server.Tests;

public sealed class HealthAndReflectionTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task ReportsServing()
    {
        var response = await new Health.HealthClient(server.Calls).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}
