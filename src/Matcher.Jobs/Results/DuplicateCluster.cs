using Matcher.Core.Subjects;

namespace Matcher.Jobs.Results;

/// <summary>Subjects linked by a job's pairs, directly or through others: one suspected person registered several times.</summary>
/// <param name="Number">1 for the cluster with the best pair, and so on.</param>
public sealed record DuplicateCluster(int Number, IReadOnlyList<SubjectKey> Members, int Pairs, double BestScore);
