namespace Dormant.Simulators;

/// <summary>
/// One request as the simulator saw it. <paramref name="Query"/> is the raw query string without
/// the leading '?'; <paramref name="Body"/> is null when empty; <paramref name="Status"/> is 0 when
/// the connection was dropped on purpose before the route ran; <paramref name="At"/> is when the request arrived.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Body, int Status, DateTimeOffset At)
{
    /// <summary>The route ran (no limit or fault answered in its place), so whatever it changes was changed.</summary>
    public bool Reached { get; init; }

    /// <summary>The route ran and then the connection was aborted: the client never saw <see cref="Status"/>.</summary>
    public bool AnswerLost { get; init; }
}
