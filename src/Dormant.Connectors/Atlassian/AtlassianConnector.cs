using System.Runtime.CompilerServices;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Atlassian;

/// <summary>
/// Atlassian organization: one bulk search (all directories, productAccess and platformRoles expanded)
/// gives every user's last activity per product and admin roles; the scan calls the per-user last-active-dates endpoint only
/// for active users the bulk answer leaves without any product access data. An entry without a
/// timestamp, or no entry for the product, is the bulk answer's "never used": the per-user endpoint
/// reads the same record, so asking again would cost a request per person and add nothing.
/// </summary>
internal sealed class AtlassianConnector(AtlassianClient client, string orgId) : IConnector, IAccountSource, IAccountActor, IPopulationSource, IAccountReadBack
{
    public string Platform => "atlassian";
    public string Tenant => orgId;

    /// <summary>An organization API key belongs to one organization (GET /admin/v1/orgs lists what it can see).</summary>
    public async Task<string> IdentifyAsync(CancellationToken ct)
    {
        var orgs = await client.OrgIdsAsync(ct);
        return orgs.Contains(orgId, StringComparer.Ordinal)
            ? "organization " + orgId
            : throw new UsageException($"the Atlassian API key does not belong to organization {orgId} (it sees: {(orgs.Count == 0 ? "none" : string.Join(", ", orgs))}); check ATLASSIAN_ORG_ID and the key");
    }
    public IReadOnlyList<PlatformAction> Actions => AtlassianDefinition.ActionList;
    public PlatformWords Words => AtlassianDefinition.Wording;

    public async IAsyncEnumerable<Account> ListAccountsAsync(ScanRequest request, IProgress<int>? progress,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await CountAsync(progress, ct);
        var seen = 0;
        await foreach (var (user, raw) in Paging.ReadAllAsync(Platform, (c, t) => client.SearchUsersAsync(c, null, request.Groups, t), ct))
        {
            yield return await CompleteAsync(user, raw, ct);
            progress?.Report(++seen);
        }
    }

    private string? _countProblem;

    /// <summary>
    /// One request per scan for the vendor's own count of what the search lists (no filters either side), so
    /// the scan can say whether it read everyone. The count is evidence, not a decision's input: a vendor that
    /// refuses it leaves the scan without a total to compare, said so in the snapshot, rather than failing it.
    /// </summary>
    private async Task CountAsync(IProgress<int>? progress, CancellationToken ct)
    {
        _countProblem = null;
        try
        {
            progress.ReportTotal(await client.CountUsersAsync(ct));
        }
        catch (VendorException e) when (e.Kind is VendorErrorKind.NotFound or VendorErrorKind.Permission or VendorErrorKind.Contract or VendorErrorKind.Other)
        {
            _countProblem = e.Message;
        }
    }

    public PopulationQuery DescribeListing(ScanRequest request) => new(
        [
            new ListingRequest("GET", client.CountPath, "", "vendor total"),
            new ListingRequest("POST", client.SearchPath, AtlassianClient.SearchBody(request.Groups), "accounts"),
            new ListingRequest("GET", "admin/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates", "",
                "activity of active users the search leaves without product access"),
        ],
        $"GET {client.CountPath} → count" + (_countProblem is { } why ? $" (could not be read: {why})" : ""));

    /// <summary>The bulk search filtered by account ids, a page of 100 at a time; the status is all a read-back needs.</summary>
    public async Task<IReadOnlyDictionary<string, Account?>> ReadBackAsync(IReadOnlyList<string> accountIds, CancellationToken ct)
    {
        var found = accountIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => (Account?)null, StringComparer.Ordinal);
        foreach (var chunk in found.Keys.ToList().Chunk(AtlassianClient.PageSize))
            await foreach (var (user, raw) in Paging.ReadAllAsync(Platform, (c, t) => client.SearchUsersAsync(c, chunk, groups: false, t), ct))
                if (found.ContainsKey(user.AccountId)) found[user.AccountId] = AtlassianMapper.ToAccount(user, raw);
        return found;
    }

    public async Task<Account?> GetAccountAsync(string accountId, ScanRequest request, CancellationToken ct)
    {
        // The re-read before acting always asks last-active-dates too: one request per action, so an
        // account is never suspended on the bulk answer alone, whatever that answer may have missed.
        return await FindAsync(accountId, request.Groups, ct) is { } hit ? await CompleteAsync(hit.User, hit.Raw, ct, alwaysAsk: true) : null;
    }

    private async Task<(AtlUser User, string Raw)?> FindAsync(string accountId, bool groups, CancellationToken ct)
    {
        var page = await client.SearchUsersAsync(null, [accountId], groups, ct);
        return page.Items.Where(i => i.User.AccountId == accountId).Select(i => ((AtlUser, string)?)i).FirstOrDefault();
    }

    private async Task<Account> CompleteAsync(AtlUser user, string raw, CancellationToken ct, bool alwaysAsk = false)
    {
        var account = AtlassianMapper.ToAccount(user, raw);
        if (account.Status != AccountStatus.Active || account.Kind == AccountKind.Service || account.Error is not null
            || account.ProtectedBecause is not null || (!alwaysAsk && user.ProductAccess is { Count: > 0 }))
            return account;
        try
        {
            var extra = new List<ActivityEvidence>();
            await foreach (var e in Paging.ReadAllAsync(Platform, (c, t) => client.LastActiveDatesAsync(user.AccountId, c, t), ct))
                if (AtlassianMapper.FromLastActive(e) is { } ev) extra.Add(ev);
            return AtlassianMapper.ToAccount(user, raw, extra);
        }
        // A broken answer (Contract) is not caught: like a users/search page without data it stops the
        // scan, since the same vendor fault would leave other accounts read on a guess.
        catch (VendorException e) when (e.Kind is VendorErrorKind.NotFound or VendorErrorKind.Other)
        {
            return account with { Error = new ReadError($"last-active-dates: {e.Message}") };
        }
    }

    public async Task<ActionResult> ApplyAsync(string action, Account account, CancellationToken ct)
    {
        Require(action);
        if (account.Status == AccountStatus.Suspended) return ActionResult.Already("already suspended");
        await client.SuspendAsync(account.Id, ct);
        return ActionResult.Done("suspended (restorable)");
    }

    public async Task<ActionResult> UndoAsync(string action, string accountId, string? backupJson, CancellationToken ct)
    {
        Require(action);
        // Only the status matters here: no activity to confirm.
        if (await FindAsync(accountId, groups: false, ct) is not { } hit) return ActionResult.Failed("account no longer exists in the organization");
        if (AtlassianMapper.ToAccount(hit.User, hit.Raw).Status == AccountStatus.Active) return ActionResult.Already("already active");
        await client.RestoreAsync(accountId, ct);
        return ActionResult.Done("restored to active");
    }

    private void Require(string action) => _ = this.Action(action);
}
