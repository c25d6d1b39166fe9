using Matcher.Contracts.V1;
using Xunit;

namespace Matcher.Server.Tests;

/// <summary>
/// Two or more stations enrolling the same person at the same moment under different ids: exactly one may be enrolled,
/// and every other one must be told about it. Repeated many times, because a race shows only sometimes.
/// </summary>
public sealed class ConcurrentDedupTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task SimultaneousEnrollmentsOfOnePersonEnrollExactlyOne()
    {
        var cancellation = TestContext.Current.CancellationToken;
        const int rounds = 40;
        const int stations = 4;
        for (var round = 0; round < rounds; round++)
        {
            var gallery = $"race-{round}";
            var finger = 101 + round % 10;
            var database = round % 2 == 0 ? "DB1_B" : "DB2_B";
            using var start = new SemaphoreSlim(0, stations);
            var enrollments = Enumerable.Range(0, stations).Select(async station =>
            {
                var request = new EnrollRequest
                {
                    Gallery = gallery,
                    SubjectId = $"applicant-{station}",
                    DedupMode = DedupMode.InsertIfUnique,
                    // The same capture at every station: the matcher is certain, so any second enrollment is a race.
                    Samples = Samples.Of(Samples.IsoTemplate(database, finger, 1)),
                };
                await start.WaitAsync(cancellation);
                return (Id: request.SubjectId, Response: await server.Matcher.EnrollAsync(request, cancellationToken: cancellation));
            }).ToList();
            start.Release(stations);
            var results = await Task.WhenAll(enrollments);

            var enrolled = results.Where(r => r.Response.Outcome == EnrollOutcome.Enrolled).ToList();
            Assert.True(enrolled.Count == 1, $"round {round}: {enrolled.Count} of {stations} enrolled");
            foreach (var (_, response) in results.Where(r => r.Response.Outcome != EnrollOutcome.Enrolled))
            {
                Assert.Equal(EnrollOutcome.DuplicateFound, response.Outcome);
                Assert.Equal(enrolled[0].Id, response.Candidates[0].SubjectId);
            }
            var stats = await server.Matcher.GetStatsAsync(new GetStatsRequest(), cancellationToken: cancellation);
            Assert.Equal(1ul, stats.Galleries.Single(g => g.Gallery == gallery).Subjects);
        }
    }
}
