using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// GET /admin/v2/orgs/{orgId}/directories (JIRAJS getDirectoriesForOrg): {data: [{directoryId, name, icon}],
/// links} with cursor strings. Filters accountId (directories the user is in), directoryIds (repeated),
/// searchTerm (over name); a cursor replaces the other parameters. Silent in the contract, chosen here:
/// the same page sizes as the user listings, and unknown or empty parameters are a 400.
/// </summary>
internal sealed class DirectoriesEndpoint(AtlassianTenant tenant)
{
    public const string Route = "/admin/v2/orgs/{orgId}/directories";
    private const string CursorKind = "dirs";
    private static readonly HashSet<string> s_keys = ["accountId", "directoryIds", "searchTerm", "cursor", "limit"];

    public async Task HandleAsync(HttpContext context)
    {
        if (!await AtlassianGate.AllowAsync(context, tenant, v1: false))
        {
            return;
        }

        try
        {
            var query = context.Request.QueryString.Value ?? "";
            var offset = 0;
            if (Single(context.Request.Query, "cursor") is { } cursor)
            {
                var (position, stored) = QueryCursor.Decode(cursor, CursorKind);
                offset = int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : throw new AtlassianBadRequestException("Invalid cursor");
                query = stored;
            }

            var q = QueryHelpers.ParseQuery(query);
            var limit = AtlassianLimits.Check(Single(q, "limit") is { } l
                ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new AtlassianBadRequestException("'limit' must be an integer")
                : null, tenant);
            var account = Single(q, "accountId") is { } id ? tenant.Find(id) ?? throw new AtlassianBadRequestException($"Unknown accountId '{id}'") : null;
            var wanted = q.TryGetValue("directoryIds", out var ids) ? ids.ToHashSet(StringComparer.Ordinal) : null;
            var term = Single(q, "searchTerm");
            var matching = tenant.DirectoryIds.Where(d => (account is null || account.DirectoryId == d) && (wanted is null || wanted.Contains(d))
                && (term is null || NameOf(d).Contains(term, StringComparison.OrdinalIgnoreCase))).ToList();
            var page = matching.Skip(offset).Take(limit).ToList();
            string Cursor(int at) => QueryCursor.Encode(CursorKind, at.ToString(CultureInfo.InvariantCulture), query);
            await AtlassianResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                foreach (var d in page)
                {
                    w.WriteStartObject();
                    w.WriteString("directoryId", d);
                    w.WriteString("name", NameOf(d));
                    w.WriteString("icon", "https://admin.atlassian.com/directory-icons/default.svg");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                UserPageJson.WriteLinks(w, Cursor(offset), offset == 0 ? null : Cursor(Math.Max(0, offset - limit)),
                    offset + limit < matching.Count ? Cursor(offset + limit) : null);
                w.WriteEndObject();
            });
        }
        catch (AtlassianBadRequestException e)
        {
            await AtlassianResponses.BadRequestV2Async(context, e.Message);
        }
    }

    private static string NameOf(string directoryId) => "Directory " + directoryId;

    private static string? Single(IEnumerable<KeyValuePair<string, StringValues>> query, string key)
    {
        string? found = null;
        foreach (var (name, values) in query)
        {
            if (!s_keys.Contains(name))
            {
                throw new AtlassianBadRequestException($"Unrecognized query parameter '{name}'");
            }

            if (values.Any(string.IsNullOrEmpty))
            {
                throw new AtlassianBadRequestException($"Query parameter '{name}' must not be empty");
            }

            if (name == key)
            {
                found = values.Count == 1 || key == "directoryIds" ? values[0] : throw new AtlassianBadRequestException($"Query parameter '{key}' given {values.Count} times");
            }
        }

        return found;
    }
}
