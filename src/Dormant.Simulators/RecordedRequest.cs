namespace Dormant.Simulators;

/// <summary>
/// One request as the simulator saw it. <paramref name="Query"/> is the raw query string without
/// the leading '?'; <paramref name="Body"/> is null when empty; <paramref name="Status"/> is 0 when
/// the connection was dropped on purpose; <paramref name="At"/> is when the request arrived.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Body, int Status, DateTimeOffset At);
