using System.Runtime.CompilerServices;
using System.Text.Json;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// Members of one organization, decided by their newest audit-log event (one sweep over the
/// threshold's window) and their Copilot seat's activity; removed from the organization one at a
/// time; restored by inviting them again with the role they had.
/// Requests for a scan: 3 (user, copilot/billing probe folded into the seat list, owners) + ⌈members / 100⌉
/// + ⌈seats / 100⌉ + ⌈audit events in the window / 100⌉.
/// </summary>
internal sealed class MembersConnector(GitHubClient client, GitHubOrg org, AuditSweep audit, WritePacer writes)
    : IConnector, IAccountSource, IAccountActor, IPopulationSource
{
    private HashSet<string>? _owners;
    private Dictionary<string, DateTimeOffset?>? _copilot;

    public string Platform => GitHubDefinition.Name;
    public string Tenant => org.Tenant;
    public IReadOnlyList<PlatformAction> Actions => GitHubDefinition.ActionList;
    public PlatformWords Words => GitHubDefinition.MembersWording;

    public Task<string> IdentifyAsync(CancellationToken ct) => org.IdentifyAsync(ct);

    public async IAsyncEnumerable<Account> ListAccountsAsync(ScanRequest request, IProgress<int>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        var days = Window(request);
        var caller = await org.CallerAsync(ct);
        await audit.RefreshAsync(days, ct);
        var owners = await OwnersAsync(ct);
        var copilot = await CopilotAsync(ct);
        var seen = 0;
        await foreach (var (user, raw) in Paging.ReadAllAsync(Platform, (next, t) => client.MembersAsync("all", next, t), ct))
        {
            var role = owners.Contains(user.Login) ? "admin" : "member";
            yield return GitHubMapper.Member(user, raw, role, "active", audit, days, copilot.GetValueOrDefault(user.Login), caller);
            progress?.Report(++seen);
        }
    }

    /// <summary>GitHub gives no count of members beside the list itself.</summary>
    public PopulationQuery DescribeListing(ScanRequest request)
    {
        var org = $"orgs/{Uri.EscapeDataString(client.Org)}";
        return new([
            new ListingRequest("GET", $"{org}/members", $"role=all&per_page={GitHubClient.PageSize}", "accounts; later pages follow the link header"),
            new ListingRequest("GET", $"{org}/members", $"role=admin&per_page={GitHubClient.PageSize}", "owners"),
            new ListingRequest("GET", $"{org}/copilot/billing/seats", $"per_page={GitHubClient.PageSize}", "Copilot activity"),
            new ListingRequest("GET", $"{org}/audit-log", $"phrase=created:>=(the window's start)&include=all&order=desc&per_page={GitHubClient.PageSize}",
                $"activity over the last {Window(request)} days"),
        ], null);
    }

    /// <summary>
    /// The membership as it is now (its role and state), the audit log as of at most a minute ago (one
    /// read serves the re-reads of a minute of removals; see <see cref="AuditSweep"/>), and the seat.
    /// </summary>
    public async Task<Account?> GetAccountAsync(string accountId, ScanRequest request, CancellationToken ct)
    {
        var days = Window(request);
        var caller = await org.CallerAsync(ct);
        if (await client.MembershipAsync(accountId, ct) is not { } hit)
            // Still a GitHub account, no longer in the organization: what a removal leaves (it cannot sign in to the org).
            return new Account { Id = accountId, DisplayName = accountId, Status = AccountStatus.Closed };
        await audit.FreshAsync(days, ct);
        var seat = await SeatActivityAsync(accountId, ct);
        var user = hit.Membership.User ?? new GhUser { Login = accountId };
        return GitHubMapper.Member(user, hit.Raw, hit.Membership.Role ?? "member", hit.Membership.State ?? "active", audit, days, seat, caller);
    }

    public async Task<ActionResult> ApplyAsync(string action, Account account, CancellationToken ct)
    {
        GitHubDefinition.Require(action);
        if (account.Status == AccountStatus.Closed) return ActionResult.Already("not a member of the organization any more; not sent");
        if (Protection(account, await org.CallerAsync(ct)) is { } why) return ActionResult.Failed($"not removed: {why}; not sent to GitHub");
        var removed = await writes.RunAsync(() => client.RemoveMemberAsync(account.Id, ct), ct);
        return removed
            ? ActionResult.Done($"removed from {client.Org} (GitHub e-mailed them; their Copilot seat, if any, ends with the billing cycle)")
            : ActionResult.Already("GitHub says they are not a member any more");
    }

    /// <summary>Invites them again with the role the backup recorded; they are members only once they accept.</summary>
    public async Task<ActionResult> UndoAsync(string action, string accountId, string? backupJson, CancellationToken ct)
    {
        GitHubDefinition.Require(action);
        if (await client.MembershipAsync(accountId, ct) is { } now)
            return ActionResult.Already(now.Membership.State == "pending" ? "already invited; the invitation is waiting to be accepted" : "still a member; left as is");
        var role = RoleIn(backupJson);
        var invited = await writes.RunAsync(() => client.InviteAsync(accountId, role, ct), ct);
        return ActionResult.Done($"invited again as {role} ({invited.State ?? "pending"}): they must accept the invitation to be back, and GitHub " +
            "restores their former access and settings if they rejoin within three months of the removal");
    }

    /// <summary>The audit log keeps 180 days: a longer threshold would read "no event" as "no activity" for what is simply gone.</summary>
    private static int Window(ScanRequest request)
    {
        if (request.Product is { } p)
            throw new UsageException($"github has no products; drop --product '{p}' (activity is the audit log and Copilot)");
        var days = request.InactiveDays ?? AuditSweepDays;
        if (days > AuditSweepDays)
            throw new UsageException($"--inactive-days {days} is longer than the {AuditSweepDays} days GitHub's audit log keeps: activity before that is gone, " +
                $"so everyone quiet since would look inactive; use {AuditSweepDays} or less (Git events are kept only 7 days)");
        return days;
    }

    private const int AuditSweepDays = 180;

    private async Task<HashSet<string>> OwnersAsync(CancellationToken ct)
    {
        if (_owners is not null) return _owners;
        var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var (u, _) in Paging.ReadAllAsync(Platform, (next, t) => client.MembersAsync("admin", next, t), ct)) owners.Add(u.Login);
        return _owners = owners;
    }

    /// <summary>Every seat's last activity; none when the organization has no Copilot (404, or 422 when it is not set up).</summary>
    private async Task<Dictionary<string, DateTimeOffset?>> CopilotAsync(CancellationToken ct)
    {
        if (_copilot is not null) return _copilot;
        var seats = new Dictionary<string, DateTimeOffset?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await foreach (var (s, _) in Paging.ReadAllAsync(Platform, client.SeatsAsync, ct))
                if (s.Assignee?.Login is { } login) seats[login] = s.LastActivityAt;
        }
        catch (VendorException e) when (e.Kind is VendorErrorKind.NotFound || e.Status == 422) { }
        return _copilot = seats;
    }

    private async Task<DateTimeOffset?> SeatActivityAsync(string login, CancellationToken ct)
    {
        try
        {
            return (await client.SeatAsync(login, ct))?.Seat.LastActivityAt;
        }
        catch (VendorException e) when (e.Status == 422) { return null; }
    }

    private static string? Protection(Account a, string caller) =>
        a.IsOwner ? "an owner of the organization" : string.Equals(a.Id, caller, StringComparison.OrdinalIgnoreCase) || a.IsCaller ? "the token's own user"
        : a.Kind == AccountKind.Service ? "a bot or app" : a.IsAdmin ? "a billing manager" : null;

    /// <summary>The role in the backed-up membership; member when it holds none (an owner was never removed).</summary>
    private static string RoleIn(string? backupJson)
    {
        if (backupJson is null) return "member";
        try
        {
            using var doc = JsonDocument.Parse(backupJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("role", out var r) && r.GetString() == "admin" ? "admin" : "member";
        }
        catch (JsonException) { return "member"; }
    }
}
