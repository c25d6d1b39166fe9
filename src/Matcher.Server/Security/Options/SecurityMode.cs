namespace Matcher.Server.Security.Options;

/// <summary>How callers reach the node (Matcher:Security:Mode).</summary>
public enum SecurityMode
{
    /// <summary>Plain HTTP/2 and no identities: the embedded default on 127.0.0.1, where only the local host can call.</summary>
    None,

    /// <summary>TLS from the node's certificate; callers prove who they are with a bearer token or a client certificate.</summary>
    Tls,

    /// <summary>Mutual TLS: every call but health presents a client certificate issued by the programme's authority.</summary>
    Mtls,
}
