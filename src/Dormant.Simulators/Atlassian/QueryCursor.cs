namespace Dormant.Simulators.Atlassian;

/// <summary>
/// Cursors of the GET listings, where "if [cursor is] present, all other parameters are discarded"
/// (JIRAJS getDirectoryUsers, getDirectoriesForOrg): the cursor carries the first call's query with it.
/// </summary>
internal static class QueryCursor
{
    public static string Encode(string kind, string position, string query) => AtlassianCursor.Encode(kind, position + "\n" + query);

    public static (string Position, string Query) Decode(string cursor, string kind) =>
        AtlassianCursor.TryDecode(cursor, kind, out var value) && value.IndexOf('\n', StringComparison.Ordinal) is var i and >= 0
            ? (value[..i], value[(i + 1)..])
            : throw new AtlassianBadRequestException("Invalid cursor");
}
