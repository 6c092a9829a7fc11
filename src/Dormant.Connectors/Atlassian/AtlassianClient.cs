using System.Text.Json;
using Dormant.Connectors.Http;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Atlassian;

/// <summary>HTTP only: one call, one page. Paths follow the admin API v2 (v1 only for last-active-dates).</summary>
internal sealed class AtlassianClient(VendorApi api, string orgId)
{
    public const int PageSize = 100;
    private static readonly string[] Expand = ["productAccess", "platformRoles"];
    private static readonly string[] ExpandWithGroups = ["productAccess", "platformRoles", "groups"];
    private string Org => Uri.EscapeDataString(orgId);

    // "-" is every directory the key can manage; one search covers the whole organization.
    // platformRoles is asked for on every search: the roles come only when expanded, and without them an
    // org admin looks like anyone else. Groups are asked for only when the policy excludes by group: the
    // expand is one more thing the vendor could refuse, and a scan that does not need it should not depend on it.
    public async Task<Page<(AtlUser User, string Raw)>> SearchUsersAsync(string? cursor, IReadOnlyList<string>? accountIds, bool groups, CancellationToken ct)
    {
        var body = new AtlUserSearchBody
        {
            Limit = PageSize,
            Expand = groups ? ExpandWithGroups : Expand,
            Cursor = string.IsNullOrEmpty(cursor) ? null : cursor,
            AccountIds = accountIds is { Count: > 0 } ? accountIds : null,
        };
        var (_, doc) = await api.QueryAsync(SearchPath, body, ct);
        using (doc)
        {
            var root = Require(doc);
            // A page without its data array is not an empty page: taking it as the end of the list would
            // leave every later user unread and plan on the rest as if they were the whole organization.
            var data = RequireArray(root, "data", "users/search");
            var items = new List<(AtlUser, string)>();
            foreach (var el in data.EnumerateArray())
                items.Add((el.Deserialize<AtlUser>(WireJson.Options)!, el.GetRawText()));
            return new Page<(AtlUser, string)>(items, NextCursor(root));
        }
    }

    public string CountPath => $"admin/v2/orgs/{Org}/directories/-/users/count";

    /// <summary>The vendor's count of the users a search without filters lists (JIRAJS getDirectoryUsersCount: {"count": n}).</summary>
    public async Task<long> CountUsersAsync(CancellationToken ct)
    {
        var (_, doc) = await api.SendAsync(HttpMethod.Get, CountPath, null, ct);
        using (doc)
            return Require(doc).TryGetProperty("count", out var count) && count.TryGetInt64(out var n) && n >= 0
                ? n
                : throw Contract("users/count answered without a count");
    }

    public string SearchPath => $"admin/v2/orgs/{Org}/directories/-/users/search";

    /// <summary>The first page's body of the bulk search, as an auditor would repeat it.</summary>
    public static string SearchBody(bool groups) =>
        JsonSerializer.Serialize(new AtlUserSearchBody { Limit = PageSize, Expand = groups ? ExpandWithGroups : Expand }, WireJson.Options);

    public async Task<Page<AtlLastActiveEntry>> LastActiveDatesAsync(string accountId, string? cursor, CancellationToken ct)
    {
        var path = $"admin/v1/orgs/{Org}/directory/users/{Uri.EscapeDataString(accountId)}/last-active-dates";
        if (cursor is not null) path += "?cursor=" + Uri.EscapeDataString(cursor);
        var (_, doc) = await api.SendAsync(HttpMethod.Get, path, null, ct);
        using (doc)
        {
            var root = Require(doc);
            // "Empty product_access if the user never accessed a product" (api-contracts §2.4): an answer
            // without it says nothing, and reading it as "never used" could make an active person look idle.
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                throw Contract("last-active-dates answered without its data object");
            var items = RequireArray(data, "product_access", "last-active-dates").Deserialize<List<AtlLastActiveEntry>>(WireJson.Options) ?? [];
            return new Page<AtlLastActiveEntry>(items, NextCursor(root));
        }
    }

    /// <summary>The ids of the organizations the key can see (GET /admin/v1/orgs, JIRAJS getOrgs), every page.</summary>
    public async Task<IReadOnlyList<string>> OrgIdsAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        await foreach (var id in Paging.ReadAllAsync(api.Platform, OrgPageAsync, ct)) ids.Add(id);
        return ids;
    }

    private async Task<Page<string>> OrgPageAsync(string? cursor, CancellationToken ct)
    {
        var path = "admin/v1/orgs" + (cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor));
        var (_, doc) = await api.SendAsync(HttpMethod.Get, path, null, ct);
        using (doc)
        {
            var root = Require(doc);
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw new Dormant.Core.Errors.VendorException(api.Platform, Dormant.Core.Errors.VendorErrorKind.Contract, null, "admin/v1/orgs answered without a 'data' list");
            var ids = data.EnumerateArray()
                .Select(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null)
                .OfType<string>().ToList();
            return new Page<string>(ids, NextCursor(root));
        }
    }

    public Task SuspendAsync(string accountId, CancellationToken ct) => PostAsync(accountId, "suspend", ct);

    public Task RestoreAsync(string accountId, CancellationToken ct) => PostAsync(accountId, "restore", ct);

    private async Task PostAsync(string accountId, string verb, CancellationToken ct)
    {
        await api.ExecuteAsync(HttpMethod.Post, $"admin/v2/orgs/{Org}/directories/-/users/{Uri.EscapeDataString(accountId)}/{verb}", null, ct);
    }

    private JsonElement Require(JsonDocument? doc) => doc?.RootElement is { ValueKind: JsonValueKind.Object } root
        ? root
        : throw Contract("empty or non-object JSON answer");

    private JsonElement RequireArray(JsonElement parent, string name, string what) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw Contract($"{what} answered without its {name} array; stopping rather than reading a partial list as complete");

    private VendorException Contract(string message) => new(api.Platform, VendorErrorKind.Contract, null, message);

    // v2 links carry cursor strings; v1 links have carried full URLs, so take the cursor out of one.
    private static string? NextCursor(JsonElement root)
    {
        if (!root.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Object
            || !links.TryGetProperty("next", out var next) || next.ValueKind != JsonValueKind.String)
            return null;
        var value = next.GetString();
        if (string.IsNullOrEmpty(value)) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            var q = System.Web.HttpUtility.ParseQueryString(uri.Query)["cursor"];
            return string.IsNullOrEmpty(q) ? null : q;
        }
        return value;
    }
}
