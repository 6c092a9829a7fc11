using System.Runtime.CompilerServices;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.DocSpace;

/// <summary>
/// ONLYOFFICE DocSpace: selected users from people/filter, each one's last successful login from
/// one sweep of the login history, disabled by setting status Terminated in batches.
/// Requests for a scan: 2 (@self, the portal's login-history retention) + ⌈events in the look-back / 100⌉ + ⌈users / 100⌉.
/// </summary>
internal sealed class DocSpaceConnector(DocSpaceClient client, LoginHistory history, DocSpaceSelection selection, string host)
    : IConnector, IAccountSource, IAccountActor, IAccountBatchActor, IPopulationSource, IAccountReadBack
{
    private readonly StatusChanger _changer = new(client);
    private string? _callerId;
    private DsRetention? _kept;

    public string Platform => "docspace";
    public string Tenant => host;

    public Task<string> IdentifyAsync(CancellationToken ct) => client.PortalAsync(ct);
    public IReadOnlyList<PlatformAction> Actions => DocSpaceDefinition.ActionList;
    public PlatformWords Words => DocSpaceDefinition.Wording with { Scope = selection.Scope };

    public async IAsyncEnumerable<Account> ListAccountsAsync(ScanRequest request, IProgress<int>? progress,
        [EnumeratorCancellation] CancellationToken ct)
    {
        RequirePlatformWide(request);
        await RequireKeptAsync(request, ct);
        var caller = await CallerAsync(ct);
        await history.RefreshAsync(ct);
        RequireHistoryReaches(request);
        var read = 0;
        await foreach (var (user, raw) in Paging.ReadAllAsync(Platform, (next, t) => PageAsync(next, progress, t), ct))
        {
            // Counted against the vendor's total, which includes those the local e-mail domain filter leaves out.
            progress?.Report(++read);
            // The e-mail domain is not a server-side filter; those outside it are simply not listed.
            if (selection.EmailDomain is not null && selection.Excludes(user) is not null) continue;
            yield return DocSpaceMapper.ToAccount(user, raw, history.LastSuccess(user.Id), Window, caller, null);
        }
    }

    private async Task<Page<(DsUser User, string Raw)>> PageAsync(string? next, IProgress<int>? progress, CancellationToken ct)
    {
        var page = await client.FilterUsersAsync(selection, next, ct);
        if (page.Total is { } total) progress.ReportTotal(total);
        return page;
    }

    /// <summary>The e-mail domain is filtered here, not by the portal: the count read and the total are both before it.</summary>
    public PopulationQuery DescribeListing(ScanRequest request) => new(
        [
            new ListingRequest("GET", "api/2.0/people/filter", $"{selection.Query}&count={DocSpaceClient.PageSize}&startIndex=0",
                "accounts and vendor total; startIndex grows by count until it reaches total"
                + (selection.EmailDomain is { } d ? $"; then only e-mail addresses at {d} are kept" : "")),
            new ListingRequest("GET", "api/2.0/security/audit/login/filter", $"count={DocSpaceClient.PageSize}&startIndex=0",
                $"login history over the last {Window} days, every user, newest first"),
        ],
        "GET api/2.0/people/filter → total");

    public async Task<Account?> GetAccountAsync(string accountId, ScanRequest request, CancellationToken ct)
    {
        RequirePlatformWide(request);
        await RequireKeptAsync(request, ct);
        var caller = await CallerAsync(ct);
        if (await client.GetUserAsync(accountId, ct) is not { } hit) return null;
        await history.RefreshAsync(ct); // first call: the full sweep; later: only what is new since
        RequireHistoryReaches(request);
        return DocSpaceMapper.ToAccount(hit.User, hit.Raw, history.LastSuccess(hit.User.Id), Window, caller,
            selection.Excludes(hit.User));
    }

    /// <summary>
    /// One people/{id} each, without the login-history refresh a re-read before acting makes: the status is
    /// all a read-back needs, so it costs one request per account instead of two.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Account?>> ReadBackAsync(IReadOnlyList<string> accountIds, CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        var found = new Dictionary<string, Account?>(StringComparer.Ordinal);
        foreach (var id in accountIds.Distinct(StringComparer.Ordinal))
            found[id] = await client.GetUserAsync(id, ct) is { } hit
                ? DocSpaceMapper.ToAccount(hit.User, hit.Raw, history.LastSuccess(hit.User.Id), Window, caller, selection.Excludes(hit.User))
                : null;
        return found;
    }

    public int MaxBatch(string action) => StatusChanger.MaxBatch;

    public async Task<ActionResult> ApplyAsync(string action, Account account, CancellationToken ct) =>
        (await ApplyBatchAsync(action, [account], ct))[account.Id];

    public Task<IReadOnlyDictionary<string, ActionResult>> ApplyBatchAsync(string action, IReadOnlyList<Account> accounts, CancellationToken ct)
    {
        Require(action);
        return _changer.DisableAsync(accounts, ct);
    }

    public async Task<ActionResult> UndoAsync(string action, string accountId, string? backupJson, CancellationToken ct) =>
        (await UndoBatchAsync(action, [(accountId, backupJson)], ct))[accountId];

    public Task<IReadOnlyDictionary<string, ActionResult>> UndoBatchAsync(string action, IReadOnlyList<(string AccountId, string? BackupJson)> accounts,
        CancellationToken ct)
    {
        Require(action);
        return _changer.RestoreAsync(accounts.Select(a => a.AccountId).ToList(), ct);
    }

    /// <summary>Days of login history the evidence covers: the look-back, or less if the portal keeps less.</summary>
    private int Window => Math.Min(history.LookbackDays, _kept?.Days ?? history.LookbackDays);

    private async Task<string> CallerAsync(CancellationToken ct) => _callerId ??= (await client.GetSelfAsync(ct)).Id;

    /// <summary>
    /// The portal may keep less login history than the look-back (an admin can shorten it): a login
    /// older than what is kept is gone, and with a threshold beyond it a person who logged in between
    /// would count as never logged in (and, counted from registration, be disabled). Asked once.
    /// </summary>
    private async Task RequireKeptAsync(ScanRequest request, CancellationToken ct)
    {
        var kept = (_kept ??= await client.LoginHistoryLifetimeAsync(ct)).Days;
        if (request.InactiveDays is { } days && days > kept)
            throw new UsageException($"the portal keeps login history for {kept} days (Settings → Security → Login history), so with " +
                $"--inactive-days {days} someone who last logged in {kept + 1}–{days} days ago would count as never logged in; " +
                $"lower --inactive-days to {kept} or less, or keep the history longer");
    }

    /// <summary>
    /// After the setting changed, what the old one had deleted stays deleted: if it changed inside the
    /// threshold's window and the history read does not reach back past the threshold, a login in the
    /// lost stretch would read as none. (Unchanged inside the window, a short history is simply a quiet portal.)
    /// </summary>
    private void RequireHistoryReaches(ScanRequest request)
    {
        if (request.InactiveDays is not { } days || _kept?.Modified is not { } changed) return;
        var cutoff = history.Now.AddDays(-days);
        if (changed <= cutoff || history.Oldest <= cutoff) return;
        var reach = history.Oldest is { } o ? $"back to {o.UtcDateTime:yyyy-MM-dd}" : "to no event at all";
        var safe = history.Oldest is { } oldest ? (int)Math.Floor((history.Now - oldest).TotalDays) : 0;
        throw new UsageException($"the portal's login-history setting changed on {changed.UtcDateTime:yyyy-MM-dd}, within the last {days} days, " +
            $"and the history reaches only {reach}: logins from before may have been deleted under the old setting. " +
            $"Lower --inactive-days to {safe} or less, or wait until {changed.AddDays(days).UtcDateTime:yyyy-MM-dd}");
    }

    // Login history is platform-wide; evidence for a named product would never match and every
    // user would look as if they had never signed in.
    private void RequirePlatformWide(ScanRequest request)
    {
        if (request.Product is { } p)
            throw new UsageException($"{Platform} has no products; drop --product '{p}' (activity is the last successful login to the portal)");
        // A login older than the look-back is invisible: with a shorter look-back than the threshold,
        // someone who logged in between the two would count as never logged in.
        if (request.InactiveDays is { } days && days > history.LookbackDays)
            throw new UsageException($"--inactive-days {days} is longer than the {history.LookbackDays} days of login history read (--docspace-lookback-days); logins in between would be missed");
    }

    private void Require(string action) => _ = this.Action(action);
}
