namespace Matcher.Load.Traffic;

/// <summary>What the arrival models drive: request i of a run, sent and checked (<see cref="LoadTraffic"/> against the service).</summary>
public interface ILoadTarget
{
    /// <summary>The RPC request <paramref name="number"/> calls, known before it is sent.</summary>
    LoadRpc RpcOf(long number);

    /// <summary>Sends request <paramref name="number"/>; a failed call is a result with its status, not an exception.</summary>
    Task<CallResult> SendAsync(long number, CancellationToken cancellation);
}
