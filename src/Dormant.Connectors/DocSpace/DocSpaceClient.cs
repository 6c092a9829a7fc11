using System.Globalization;
using System.Net;
using System.Text.Json;
using Dormant.Connectors.Http;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.DocSpace;

/// <summary>HTTP only: one call, one page. Routes are /api/2.0/&lt;controller&gt;/… (api-contracts.md §3.1).</summary>
internal sealed class DocSpaceClient(VendorApi api)
{
    /// <summary>ApiContext.MaxCount: the server caps every page at 100.</summary>
    public const int PageSize = 100;

    public async Task<Page<(DsUser User, string Raw)>> FilterUsersAsync(DocSpaceSelection selection, string? next, CancellationToken ct)
    {
        var start = next is null ? 0 : int.Parse(next, CultureInfo.InvariantCulture);
        var (_, doc) = await api.SendAsync(HttpMethod.Get, $"api/2.0/people/filter?{selection.Query}&count={PageSize}&startIndex={start}", null, ct);
        using (doc)
        {
            var (response, root) = Envelope(doc, "people/filter");
            var items = new List<(DsUser, string)>();
            foreach (var el in Array(response, "people/filter").EnumerateArray())
                items.Add((el.Deserialize<DsUser>(WireJson.Options)!, el.GetRawText()));
            // Paging is startIndex/count against the full count in "total". An empty page whose own
            // total says more is the server contradicting itself: stopping there would report a
            // partial portal as the whole of it, so it stops the scan instead (and never loops).
            var total = root.TryGetProperty("total", out var t) && t.TryGetInt64(out var n) ? n : (long?)null;
            if (items.Count == 0 && total is { } claimed && claimed > start)
                throw Contract($"people/filter answered an empty page at startIndex {start} while its total is {claimed}");
            var end = start + items.Count;
            var more = items.Count > 0 && (total is { } all ? end < all : items.Count == PageSize);
            return new Page<(DsUser, string)>(items, more ? end.ToString(CultureInfo.InvariantCulture) : null, total);
        }
    }

    /// <summary>Null when the user does not exist (any more).</summary>
    public async Task<(DsUser User, string Raw)?> GetUserAsync(string id, CancellationToken ct)
    {
        var (status, doc) = await api.SendAsync(HttpMethod.Get, $"api/2.0/people/{Uri.EscapeDataString(id)}", null, ct, HttpStatusCode.NotFound);
        using (doc)
        {
            if (status == HttpStatusCode.NotFound) return null;
            var (response, _) = Envelope(doc, "people/{id}");
            return (response.Deserialize<DsUser>(WireJson.Options)!, response.GetRawText());
        }
    }

    public async Task<DsUser> GetSelfAsync(CancellationToken ct)
    {
        var (_, doc) = await api.SendAsync(HttpMethod.Get, "api/2.0/people/@self", null, ct);
        using (doc) return Envelope(doc, "people/@self").Response.Deserialize<DsUser>(WireJson.Options)!;
    }

    /// <summary>
    /// The portal these credentials reach (GET api/2.0/portal, PortalController.Get → TenantDto): its
    /// tenantId and alias, which a portal keeps when its host name or mapped domain changes.
    /// </summary>
    public async Task<string> PortalAsync(CancellationToken ct)
    {
        const string What = "portal";
        var (_, doc) = await api.SendAsync(HttpMethod.Get, "api/2.0/" + What, null, ct);
        using (doc)
        {
            var response = Envelope(doc, What).Response;
            return response.ValueKind == JsonValueKind.Object && response.TryGetProperty("tenantId", out var id) && id.TryGetInt32(out var n)
                && response.Str("tenantAlias") is { Length: > 0 } alias
                ? $"portal {alias} (tenant {n})"
                : throw Contract($"{What} answered without a tenantId and tenantAlias");
        }
    }

    /// <summary>
    /// One page of the whole tenant's login history, newest first. Deliberately no userId, action or
    /// date: the server pages before it filters, so any filter only thins pages (see LoginHistory).
    /// </summary>
    public async Task<IReadOnlyList<DsLoginEvent>> LoginEventsAsync(int startIndex, CancellationToken ct)
    {
        var (_, doc) = await api.SendAsync(HttpMethod.Get, $"api/2.0/security/audit/login/filter?count={PageSize}&startIndex={startIndex}", null, ct);
        using (doc)
            return Array(Envelope(doc, "security/audit/login/filter").Response, "security/audit/login/filter")
                .Deserialize<List<DsLoginEvent>>(WireJson.Options) ?? [];
    }

    /// <summary>Days of login history the portal keeps, and when that was last set (security/audit/settings/lifetime, TenantAuditSettings).</summary>
    public async Task<DsRetention> LoginHistoryLifetimeAsync(CancellationToken ct)
    {
        const string What = "security/audit/settings/lifetime";
        var (_, doc) = await api.SendAsync(HttpMethod.Get, "api/2.0/" + What, null, ct);
        using (doc)
        {
            var response = Envelope(doc, What).Response;
            return response.ValueKind == JsonValueKind.Object && response.TryGetProperty("loginHistoryLifeTime", out var days)
                && days.TryGetInt32(out var n) && n > 0
                ? new DsRetention(n, DocSpaceDates.Parse(response.Str("lastModified")))
                : throw Contract($"{What} answered without a positive loginHistoryLifeTime");
        }
    }

    /// <summary>
    /// PUT people/status/{status}. 403 (the whole batch refused) and 402 (seat quota) come back as
    /// values so the caller can narrow the batch down; other failures throw.
    /// </summary>
    public async Task<StatusChange> SetStatusAsync(int status, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var body = new { userIds = ids, resendAll = false };
        var (code, doc) = await api.SendAsync(HttpMethod.Put, $"api/2.0/people/status/{DocSpaceStatus.Route(status)}", body, ct,
            HttpStatusCode.Forbidden, HttpStatusCode.PaymentRequired);
        using (doc)
        {
            if (code is HttpStatusCode.Forbidden or HttpStatusCode.PaymentRequired)
                return new StatusChange(code, doc is null ? null : DocSpaceErrors.Message(doc.RootElement), []);
            var users = Array(Envelope(doc, "people/status").Response, "people/status").Deserialize<List<DsUser>>(WireJson.Options) ?? [];
            return new StatusChange(code, null, users);
        }
    }

    private (JsonElement Response, JsonElement Root) Envelope(JsonDocument? doc, string what)
    {
        if (doc?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            throw Contract($"{what} answered with no JSON object");
        if (root.TryGetProperty("status", out var s) && s.TryGetInt32(out var st) && st != 0)
            throw new VendorException(api.Platform, VendorErrorKind.Other, null,
                $"{what} answered status {st}: {DocSpaceErrors.Message(root) ?? "no message"}");
        return root.TryGetProperty("response", out var response) ? (response, root) : throw Contract($"{what} answered without a 'response'");
    }

    private JsonElement Array(JsonElement e, string what) =>
        e.ValueKind == JsonValueKind.Array ? e : throw Contract($"{what} answered a {e.ValueKind} where a list was expected");

    private VendorException Contract(string message) => new(api.Platform, VendorErrorKind.Contract, null, message);
}
