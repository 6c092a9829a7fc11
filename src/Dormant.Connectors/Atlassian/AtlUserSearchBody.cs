namespace Dormant.Connectors.Atlassian;

/// <summary>
/// The users/search body (JIRAJS multiDirectoryUserSearchRequest): typed, so WireJson leaves out every
/// key without a value. A dictionary would send its nulls ("cursor": null), which a server that
/// validates its schema refuses with 400.
/// </summary>
internal sealed record AtlUserSearchBody
{
    public int? Limit { get; init; }
    public IReadOnlyList<string>? Expand { get; init; }
    public string? Cursor { get; init; }
    public IReadOnlyList<string>? AccountIds { get; init; }
}
