using System.Runtime.CompilerServices;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// Copilot seats of one organization: listed in pages of 100, decided by last_activity_at (a seat
/// never used counts from when it was granted), removed by setting seats to pending cancellation in
/// batches, restored by assigning them again.
/// Requests for a scan: 1 (copilot/billing) + ⌈seats / 100⌉; to act: 1 + ⌈seats / 50⌉ writes.
/// </summary>
internal sealed class CopilotConnector(GitHubClient client, GitHubOrg org, SeatChanger changer, bool allowLastSeat)
    : IConnector, IAccountSource, IAccountActor, IAccountBatchActor, IPlanGuard, IPopulationSource
{
    private readonly HashSet<string> _activeSeats = new(StringComparer.OrdinalIgnoreCase);
    private bool _selectable;

    public string Platform => GitHubDefinition.Name;
    public string Tenant => org.Tenant;
    public IReadOnlyList<PlatformAction> Actions => GitHubDefinition.ActionList;
    public PlatformWords Words => GitHubDefinition.Wording;

    public Task<string> IdentifyAsync(CancellationToken ct) => org.IdentifyAsync(ct);

    public async IAsyncEnumerable<Account> ListAccountsAsync(ScanRequest request, IProgress<int>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        RequirePlatformWide(request);
        await RequireSelectableAsync(ct);
        var caller = await org.CallerAsync(ct);
        _activeSeats.Clear();
        var seen = 0;
        await foreach (var (seat, raw) in Paging.ReadAllAsync(Platform, async (next, t) =>
        {
            var page = await client.SeatsAsync(next, t);
            if (page.Total is { } total) progress.ReportTotal(total);
            return page;
        }, ct))
        {
            var account = GitHubMapper.Seat(seat, raw, caller);
            if (account.Status == AccountStatus.Active) _activeSeats.Add(account.Id);
            yield return account;
            progress?.Report(++seen);
        }
    }

    public PopulationQuery DescribeListing(ScanRequest request)
    {
        var (path, query) = Split(client.SeatsPath);
        return new([
            new ListingRequest("GET", $"orgs/{Uri.EscapeDataString(client.Org)}/copilot/billing", "", "seat management setting"),
            new ListingRequest("GET", path, query, "accounts and vendor total; later pages follow the link header"),
        ], $"GET {path} → total_seats");
    }

    private static (string Path, string Query) Split(string pathAndQuery) =>
        pathAndQuery.IndexOf('?') is var i and >= 0 ? (pathAndQuery[..i], pathAndQuery[(i + 1)..]) : (pathAndQuery, "");

    public async Task<Account?> GetAccountAsync(string accountId, ScanRequest request, CancellationToken ct)
    {
        RequirePlatformWide(request);
        var caller = await org.CallerAsync(ct);
        return await client.SeatAsync(accountId, ct) is { } hit ? GitHubMapper.Seat(hit.Seat, hit.Raw, caller) : null;
    }

    /// <summary>
    /// Removing every seat cancels the organization's Copilot plan (docs §4): a plan that would leave
    /// none is refused unless that was asked for by name. Seats granted by a team stay, so they count.
    /// </summary>
    public string? Refusal(IReadOnlyList<PlannedAction> actions)
    {
        if (allowLastSeat || _activeSeats.Count == 0) return null;
        var removed = actions.Count(a => _activeSeats.Contains(a.AccountId));
        return removed < _activeSeats.Count ? null
            : $"the plan would remove all {_activeSeats.Count} remaining Copilot seats of {client.Org}, and removing every seat cancels the " +
              "organization's Copilot plan; exclude someone, or if ending the subscription is intended, plan again with --github-allow-last-seat true";
    }

    public int MaxBatch(string action) => SeatChanger.MaxBatch;

    public async Task<ActionResult> ApplyAsync(string action, Account account, CancellationToken ct) =>
        (await ApplyBatchAsync(action, [account], ct))[account.Id];

    public async Task<IReadOnlyDictionary<string, ActionResult>> ApplyBatchAsync(string action, IReadOnlyList<Account> accounts, CancellationToken ct)
    {
        GitHubDefinition.Require(action);
        await RequireSelectableAsync(ct);
        return await changer.RemoveAsync(accounts, await org.CallerAsync(ct), ct);
    }

    public async Task<ActionResult> UndoAsync(string action, string accountId, string? backupJson, CancellationToken ct) =>
        (await UndoBatchAsync(action, [(accountId, backupJson)], ct))[accountId];

    public async Task<IReadOnlyDictionary<string, ActionResult>> UndoBatchAsync(string action, IReadOnlyList<(string AccountId, string? BackupJson)> accounts,
        CancellationToken ct)
    {
        GitHubDefinition.Require(action);
        await RequireSelectableAsync(ct);
        return await changer.RestoreAsync(accounts.Select(a => a.AccountId).ToList(), ct);
    }

    /// <summary>
    /// Seats can be removed per user only while the organization assigns them to selected members;
    /// under "all members" (or none) GitHub refuses every removal, so nothing is planned or sent.
    /// </summary>
    private async Task RequireSelectableAsync(CancellationToken ct)
    {
        if (_selectable) return;
        var setting = await client.SeatManagementAsync(ct);
        if (setting != "assign_selected")
            throw new VendorException(Platform, VendorErrorKind.Permission, null,
                $"organization {client.Org} assigns Copilot seats by the setting '{setting}', not to selected members, so GitHub removes no " +
                "seat per user and nobody was acted on; switch Copilot access to selected members (Settings → Copilot → Access) to manage seats");
        _selectable = true;
    }

    private static void RequirePlatformWide(ScanRequest request)
    {
        if (request.Product is { } p)
            throw new UsageException($"github has no products; drop --product '{p}' (the target decides: --github-target copilot or members)");
    }
}
