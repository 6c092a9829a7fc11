namespace Dormant.Simulators;

public enum FaultKind
{
    /// <summary>Answer with <see cref="Fault.Status"/>, <see cref="Fault.Headers"/> and <see cref="Fault.Body"/>; the route does not run.</summary>
    Status,
    /// <summary>Wait <see cref="Fault.Latency"/>, then let the route answer.</summary>
    Latency,
    /// <summary>Abort the connection without a response; the route never runs (the request never reached it).</summary>
    DropConnection,
    /// <summary>
    /// The route runs to completion (whatever it changes stays changed), then the connection is aborted:
    /// the client never sees the answer, as when a connection dies on the way back.
    /// </summary>
    LostAnswer,
    /// <summary>The route's answer with a syntax error in it (or <see cref="Fault.Body"/> if set), status 200.</summary>
    MalformedJson,
    /// <summary>The first half of the route's answer.</summary>
    TruncatedJson,
    /// <summary>A 200 HTML page (a login or captive-portal page) where JSON was expected.</summary>
    WrongContentType,
}
