using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Load.Planting;

namespace Matcher.Load.Traffic;

/// <summary>
/// Request i of a run, made and checked: which RPC (by the plan's weights), which planted subject or new applicant,
/// which capture, all drawn from (seed, i) alone, so a run's requests are the same whatever their timing. Sends it to
/// the service and says whether the answer named the planted mate.
/// </summary>
public sealed class LoadTraffic(LoadPlan plan, PlantedGallery gallery, Contracts.V1.Matcher.MatcherClient client, string runTag) : ILoadTarget
{
    /// <summary>Index fingers first, then middle, thumb, ring, little: the order stations capture them in when fewer than ten are taken.</summary>
    private static readonly int[] PositionOrder = [2, 7, 3, 8, 1, 6, 4, 9, 5, 10];

    private const ulong KindPurpose = 11;
    private const ulong SubjectPurpose = 12;
    private const ulong CapturePurpose = 13;
    private const ulong DuplicatePurpose = 14;
    private const ulong RealPurpose = 15;

    private readonly int[] _positions = PositionOrder[..plan.FingersPerProbe];

    /// <summary>What request <paramref name="number"/> will be: its RPC, its planted subject (or -1 for a new applicant).</summary>
    public (LoadRpc Rpc, long Subject) Draw(long number)
    {
        var n = (ulong)number;
        var total = plan.EnrollWeight + plan.IdentifyWeight + plan.VerifyWeight;
        var pick = SeedMix.Random(SeedMix.Derive(plan.Seed, n, KindPurpose)).NextDouble() * total;
        var rpc = pick < plan.EnrollWeight ? LoadRpc.Enroll : pick < plan.EnrollWeight + plan.IdentifyWeight ? LoadRpc.Identify : LoadRpc.Verify;
        var draw = SeedMix.Derive(plan.Seed, n, SubjectPurpose);
        var subject = gallery.Real is { } real && SeedMix.Random(SeedMix.Derive(plan.Seed, n, RealPurpose)).NextDouble() < plan.RealShare
            ? gallery.Subjects + (long)(draw % (ulong)real.Count)
            : (long)(draw % (ulong)gallery.Subjects);
        if (rpc == LoadRpc.Enroll && SeedMix.Random(SeedMix.Derive(plan.Seed, n, DuplicatePurpose)).NextDouble() >= plan.EnrollDuplicateShare)
        {
            subject = -1;
        }
        return (rpc, subject);
    }

    public LoadRpc RpcOf(long number) => Draw(number).Rpc;

    public async Task<CallResult> SendAsync(long number, CancellationToken cancellation)
    {
        var (rpc, subject) = Draw(number);
        var options = new CallOptions(deadline: DateTime.UtcNow + plan.RequestDeadline, cancellationToken: cancellation);
        try
        {
            return rpc switch
            {
                LoadRpc.Enroll => await EnrollAsync(number, subject, options),
                LoadRpc.Identify => await IdentifyAsync(number, subject, options),
                _ => await VerifyAsync(number, subject, options),
            };
        }
        catch (RpcException e)
        {
            return CallResult.Failed(rpc, e.StatusCode);
        }
    }

    private Samples Capture(long number, long subject) =>
        gallery.Recapture(subject, _positions, plan.FaceInProbe, SeedMix.Derive(plan.Seed, (ulong)number, CapturePurpose));

    private async Task<CallResult> EnrollAsync(long number, long subject, CallOptions options)
    {
        var samples = subject >= 0 ? Capture(number, subject) : gallery.Applicant(number, _positions, plan.FaceInProbe);
        var request = new EnrollRequest
        {
            SubjectId = $"load-{runTag}-{number:D9}",
            Gallery = gallery.Gallery,
            Samples = samples,
            DedupMode = DedupMode.InsertIfUnique,
        };
        var answer = await client.EnrollAsync(request, options);
        var outcome = answer.Outcome switch
        {
            EnrollOutcome.DuplicateFound => "duplicate_found",
            EnrollOutcome.EnrolledWithCandidates => "enrolled_with_candidates",
            _ => "enrolled",
        };
        if (subject < 0)
        {
            var flagged = answer.Candidates.Count > 0;
            return new CallResult(LoadRpc.Enroll, outcome, StatusCode.OK, flagged ? MateCheck.NewFlagged : MateCheck.NewEnrolled,
                OtherCandidates: answer.Candidates.Count);
        }
        return Checked(LoadRpc.Enroll, outcome, subject, answer.Candidates, answer.Threshold,
            namesDuplicates: answer.Outcome == EnrollOutcome.DuplicateFound);
    }

    private async Task<CallResult> IdentifyAsync(long number, long subject, CallOptions options)
    {
        var request = new IdentifyRequest { Samples = Capture(number, subject), Galleries = { gallery.Gallery } };
        var answer = await client.IdentifyAsync(request, options);
        return Checked(LoadRpc.Identify, answer.Candidates.Count > 0 ? "candidates" : "no_candidates", subject, answer.Candidates,
            answer.Threshold, namesDuplicates: true);
    }

    private async Task<CallResult> VerifyAsync(long number, long subject, CallOptions options)
    {
        var id = gallery.IdOf(subject);
        var request = new VerifyRequest { SubjectId = id, Gallery = gallery.Gallery, Samples = Capture(number, subject) };
        var answer = await client.VerifyAsync(request, options);
        return answer.Match
            ? new CallResult(LoadRpc.Verify, "match", StatusCode.OK, MateCheck.Found, Margin: answer.Result.Score - answer.Threshold)
            : new CallResult(LoadRpc.Verify, "no_match", StatusCode.OK, MateCheck.Missed, MissedSubject: id);
    }

    /// <param name="namesDuplicates">Whether the answer says its candidates are the probe's mates: an enrollment of a recapture
    /// that was enrolled anyway (enrolled_with_candidates) missed its mate even when it lists it.</param>
    private CallResult Checked(LoadRpc rpc, string outcome, long subject, IEnumerable<Candidate> candidates, double threshold, bool namesDuplicates)
    {
        var id = gallery.IdOf(subject);
        var list = candidates.ToList();
        var mate = list.FirstOrDefault(c => c.SubjectId == id && c.Gallery == gallery.Gallery);
        var others = list.Count - (mate is null ? 0 : 1);
        return namesDuplicates && mate is not null
            ? new CallResult(rpc, outcome, StatusCode.OK, MateCheck.Found, mate.Score - threshold, others)
            : new CallResult(rpc, outcome, StatusCode.OK, MateCheck.Missed, OtherCandidates: others, MissedSubject: id);
    }
}
