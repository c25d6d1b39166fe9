using Matcher.Sealing.Keys;

namespace Matcher.Server.Hosting;

/// <summary>The master key of encryption at rest, read once for the subjects' log, the job log and Redis; null when off.</summary>
internal sealed record AtRestKey(MasterKey? MasterKey);
