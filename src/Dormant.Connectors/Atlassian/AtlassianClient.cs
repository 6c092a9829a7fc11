using System.Text.Json;
using Dormant.Connectors.Http;
using Dormant.Core.Connectors;

namespace Dormant.Connectors.Atlassian;

/// <summary>HTTP only: one call, one page. Paths follow the admin API v2 (v1 only for last-active-dates).</summary>
internal sealed class AtlassianClient(VendorApi api, string orgId)
{
    public const int PageSize = 100;
    private string Org => Uri.EscapeDataString(orgId);

    // "-" is every directory the key can manage; one search covers the whole organization.
    // Groups are asked for only when the policy excludes by group: the expand is one more thing the
    // vendor could refuse, and a scan that does not need it should not depend on it.
    public async Task<Page<(AtlUser User, string Raw)>> SearchUsersAsync(string? cursor, IReadOnlyList<string>? accountIds, bool groups, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>
        {
            ["limit"] = PageSize,
            ["expand"] = groups ? new[] { "productAccess", "groups" } : new[] { "productAccess" },
            ["cursor"] = cursor,
            ["accountIds"] = accountIds,
        };
        var (_, doc) = await api.QueryAsync($"admin/v2/orgs/{Org}/directories/-/users/search", body, ct);
        using (doc)
        {
            var root = Require(doc);
            var items = new List<(AtlUser, string)>();
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
                foreach (var el in data.EnumerateArray())
                    items.Add((el.Deserialize<AtlUser>(WireJson.Options)!, el.GetRawText()));
            return new Page<(AtlUser, string)>(items, NextCursor(root));
        }
    }

    public async Task<Page<AtlLastActiveEntry>> LastActiveDatesAsync(string accountId, string? cursor, CancellationToken ct)
    {
        var path = $"admin/v1/orgs/{Org}/directory/users/{Uri.EscapeDataString(accountId)}/last-active-dates";
        if (cursor is not null) path += "?cursor=" + Uri.EscapeDataString(cursor);
        var (_, doc) = await api.SendAsync(HttpMethod.Get, path, null, ct);
        using (doc)
        {
            var root = Require(doc);
            var items = root.TryGetProperty("data", out var data) && data.TryGetProperty("product_access", out var pa)
                ? pa.Deserialize<List<AtlLastActiveEntry>>(WireJson.Options) ?? []
                : [];
            return new Page<AtlLastActiveEntry>(items, NextCursor(root));
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
        : throw new Dormant.Core.Errors.VendorException(api.Platform, Dormant.Core.Errors.VendorErrorKind.Contract, null, "empty or non-object JSON answer");

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
