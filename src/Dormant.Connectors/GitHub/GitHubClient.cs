using System.Globalization;
using System.Net;
using System.Text.Json;
using Dormant.Connectors.Http;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.GitHub;

/// <summary>HTTP only: one call, one page (docs/vendors/github.md). Lists follow the link header's next URL.</summary>
internal sealed class GitHubClient(VendorApi api, Uri baseUrl, string org)
{
    public const int PageSize = 100;
    private readonly string _org = Uri.EscapeDataString(org);

    public string Platform => api.Platform;
    public string Org => org;

    public async Task<GhUser> MeAsync(CancellationToken ct)
    {
        using var doc = await GetAsync("user", ct);
        return Read<GhUser>(doc, "user");
    }

    /// <summary>The organization's login and numeric id, which survives a rename.</summary>
    public async Task<(string Login, long Id)> OrganizationAsync(CancellationToken ct)
    {
        using var doc = await GetAsync($"orgs/{_org}", ct);
        var root = doc.RootElement;
        return root.Str("login") is { } login && root.TryGetProperty("id", out var id) && id.TryGetInt64(out var n)
            ? (login, n)
            : throw Contract($"orgs/{org} answered without a login and id");
    }

    /// <summary>seat_management_setting of GET copilot/billing.</summary>
    public async Task<string> SeatManagementAsync(CancellationToken ct)
    {
        using var doc = await GetAsync($"orgs/{_org}/copilot/billing", ct);
        return doc.RootElement.Str("seat_management_setting") ?? throw Contract("copilot/billing answered without seat_management_setting");
    }

    public Task<Page<(GhSeat Seat, string Raw)>> SeatsAsync(string? next, CancellationToken ct) =>
        PageAsync<GhSeat>(next ?? SeatsPath, "seats", ct, total: "total_seats");

    public string SeatsPath => $"orgs/{_org}/copilot/billing/seats?per_page={PageSize}";

    /// <summary>Null when the user holds no seat (404).</summary>
    public async Task<(GhSeat Seat, string Raw)?> SeatAsync(string login, CancellationToken ct)
    {
        var (status, doc) = await SendAsync(HttpMethod.Get, $"orgs/{_org}/members/{Uri.EscapeDataString(login)}/copilot", null, ct, HttpStatusCode.NotFound);
        using (doc)
            return status == HttpStatusCode.NotFound ? null : (Read<GhSeat>(doc, "members/{username}/copilot"), doc!.RootElement.GetRawText());
    }

    /// <summary>DELETE (cancel) or POST (add) selected_users; the count GitHub says it changed.</summary>
    public async Task<int> ChangeSeatsAsync(bool cancel, IReadOnlyList<string> logins, CancellationToken ct)
    {
        var field = cancel ? "seats_cancelled" : "seats_created";
        var (_, doc) = await SendAsync(cancel ? HttpMethod.Delete : HttpMethod.Post, $"orgs/{_org}/copilot/billing/selected_users",
            new { selected_usernames = logins }, ct);
        using (doc)
            return doc?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(field, out var n) && n.TryGetInt32(out var count)
                ? count
                : throw new VendorException(Platform, VendorErrorKind.Contract, null, $"selected_users answered without {field}", outcomeUnknown: true);
    }

    public Task<Page<(GhUser User, string Raw)>> MembersAsync(string role, string? next, CancellationToken ct) =>
        PageAsync<GhUser>(next ?? $"orgs/{_org}/members?role={role}&per_page={PageSize}", null, ct);

    /// <summary>Null when the user is not a member (404).</summary>
    public async Task<(GhMembership Membership, string Raw)?> MembershipAsync(string login, CancellationToken ct)
    {
        var (status, doc) = await SendAsync(HttpMethod.Get, Membership(login), null, ct, HttpStatusCode.NotFound);
        using (doc)
            return status == HttpStatusCode.NotFound ? null : (Read<GhMembership>(doc, "memberships/{username}"), doc!.RootElement.GetRawText());
    }

    /// <summary>False when GitHub says the user is not a member (404).</summary>
    public async Task<bool> RemoveMemberAsync(string login, CancellationToken ct) =>
        await Mapped(() => api.ExecuteAsync(HttpMethod.Delete, Membership(login), null, ct, HttpStatusCode.NotFound)) != HttpStatusCode.NotFound;

    public async Task<GhMembership> InviteAsync(string login, string role, CancellationToken ct)
    {
        var (_, doc) = await SendAsync(HttpMethod.Put, Membership(login), new { role }, ct);
        using (doc) return Read<GhMembership>(doc, "memberships/{username}");
    }

    /// <summary>
    /// One page of the audit log, newest first, web and Git events, from <paramref name="since"/> on.
    /// Null when the organization has no audit log API (GitHub answers 404 off Enterprise Cloud).
    /// </summary>
    public async Task<Page<GhAuditEvent>?> AuditAsync(DateTimeOffset since, string? next, CancellationToken ct)
    {
        var first = $"orgs/{_org}/audit-log?phrase={Uri.EscapeDataString("created:>=" + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}"
            + $"&include=all&order=desc&per_page={PageSize}";
        try
        {
            var page = await PageAsync<GhAuditEvent>(next ?? first, null, ct);
            return new Page<GhAuditEvent>(page.Items.Select(i => i.Item).ToList(), page.Next);
        }
        catch (VendorException e) when (e.Kind == VendorErrorKind.NotFound && next is null)
        {
            return null;
        }
    }

    private string Membership(string login) => $"orgs/{_org}/memberships/{Uri.EscapeDataString(login)}";

    /// <summary>One page: the array (or the object's <paramref name="property"/> array) and the next link.</summary>
    /// <param name="total">The answer's own count of the whole list, where the endpoint gives one.</param>
    private async Task<Page<(T Item, string Raw)>> PageAsync<T>(string path, string? property, CancellationToken ct, string? total = null)
    {
        using var response = await Open(path, ct);
        var next = GitHubLinks.Next(response, baseUrl, Platform);
        using var doc = await ParseAsync(response, path, ct);
        var list = property is null ? doc.RootElement
            : doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(property, out var p) ? p
            : throw Contract($"{Short(path)} answered without '{property}'");
        if (list.ValueKind != JsonValueKind.Array) throw Contract($"{Short(path)} answered a {list.ValueKind} where a list was expected");
        if (list.GetArrayLength() > PageSize) throw Contract($"{Short(path)} answered {list.GetArrayLength()} items on a page of {PageSize}");
        var items = list.EnumerateArray().Select(e => (e.Deserialize<T>(WireJson.Options)!, e.GetRawText())).ToList();
        var count = total is not null && doc.RootElement.TryGetProperty(total, out var t) && t.TryGetInt64(out var n) ? n : (long?)null;
        return new Page<(T, string)>(items, next, count);
    }

    private async Task<JsonDocument> GetAsync(string path, CancellationToken ct)
    {
        var (_, doc) = await SendAsync(HttpMethod.Get, path, null, ct);
        return doc ?? throw Contract($"{path} answered with no JSON");
    }

    private Task<HttpResponseMessage> Open(string path, CancellationToken ct) => Mapped(() => api.OpenAsync(HttpMethod.Get, path, ct));

    private Task<(HttpStatusCode Status, JsonDocument? Body)> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct,
        params HttpStatusCode[] tolerated) => Mapped(() => api.SendAsync(method, path, body, ct, tolerated));

    /// <summary>
    /// A secondary limit still in force after the pipeline's retries is GitHub saying "later", not
    /// refusing the token: it stops the run as rate limited (exit 1, run again), never as a permission error.
    /// </summary>
    private async Task<T> Mapped<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (VendorException e) when (e.Status is 403 or 429 && GitHubErrors.SaysRateLimited(e.Message))
        {
            throw new VendorException(Platform, VendorErrorKind.RateLimited, e.Status,
                $"still rate limited after waiting; GitHub says: {e.Message.Split(": ")[^1].Replace($" (HTTP {e.Status})", "", StringComparison.Ordinal)} Run again later",
                e.OutcomeUnknown);
        }
    }

    private async Task<JsonDocument> ParseAsync(HttpResponseMessage response, string path, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await JsonDocument.ParseAsync(body, default, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw api.BodyFailure(Short(path), e, ct);
        }
    }

    private T Read<T>(JsonDocument? doc, string what) =>
        doc?.RootElement is { ValueKind: JsonValueKind.Object } root ? root.Deserialize<T>(WireJson.Options)! : throw Contract($"{what} answered with no JSON object");

    /// <summary>A path for a message: a next link's path without its host and query.</summary>
    private static string Short(string path) => Uri.TryCreate(path, UriKind.Absolute, out var u) ? u.AbsolutePath : path.Split('?')[0];

    private VendorException Contract(string message) => new(Platform, VendorErrorKind.Contract, null, message);
}
