using System.Runtime.CompilerServices;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Port;

/// <summary>
/// Port organization: two bulk reads (users with last login, `_user` entities) joined by email give
/// every account with both signals. Acting goes through the `_user` entity, which Port syncs back
/// to the user (manage-users-teams.md). Port credentials belong to the organization, not a person,
/// so no account is "the caller".
/// </summary>
internal sealed class PortConnector(PortClient client, string tenant, IDisposable owned)
    : IConnector, IAccountSource, IAccountActor, IAccountBatchActor, IDisposable, IPopulationSource, IAccountReadBack
{
    private readonly PortActions _actions = new(client);

    public string Platform => "port";
    public string Tenant => tenant;

    public async Task<string> IdentifyAsync(CancellationToken ct) => "organization " + await client.OrganizationIdAsync(ct);
    public IReadOnlyList<PlatformAction> Actions => PortDefinition.ActionList;
    public PlatformWords Words => PortDefinition.Wording;

    public async IAsyncEnumerable<Account> ListAccountsAsync(ScanRequest request, IProgress<int>? progress,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Both lists are asked for at once; the users are held (the join needs them), the entities
        // are streamed through, so the whole organization is never in memory twice.
        var usersTask = client.ListUsersAsync(request.Groups, ct);
        Dictionary<string, PortUser>? byEmail = null;
        var seen = 0;
        await foreach (var e in client.ListUserEntitiesAsync(ct))
        {
            byEmail ??= ByEmail(await usersTask);
            yield return PortMapper.ToAccount(e.Entity, e.Raw, byEmail.GetValueOrDefault(e.Entity.Identifier));
            progress?.Report(++seen);
        }
        await usersTask; // a failed user list fails the scan even when there are no entities
    }

    private static Dictionary<string, PortUser> ByEmail(IReadOnlyList<PortUser> users)
    {
        var byEmail = new Dictionary<string, PortUser>(users.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var u in users)
            if (!string.IsNullOrEmpty(u.Email)) byEmail.TryAdd(u.Email, u);
        return byEmail;
    }

    public async Task<Account?> GetAccountAsync(string accountId, ScanRequest request, CancellationToken ct)
    {
        var entityTask = client.GetUserEntityAsync(accountId, ct);
        var userTask = client.GetUserAsync(accountId, request.Groups, ct);
        await Task.WhenAll(entityTask, userTask);
        return entityTask.Result is { } e ? PortMapper.ToAccount(e.Entity, e.Raw, userTask.Result) : null;
    }

    /// <summary>Port's lists have no paging and give no total beside the list itself.</summary>
    public PopulationQuery DescribeListing(ScanRequest request) => new(
        [
            new ListingRequest("GET", PortClient.EntitiesPath, PortClient.EntitiesQuery, "accounts (one entity per user)"),
            new ListingRequest("GET", "v1/users", PortClient.UsersQuery(request.Groups), "last login of each user, joined by e-mail"),
        ],
        null);

    /// <summary>
    /// The entity list in one request holds every account's status, so reading many back costs one request
    /// however many were acted on (one account alone is read as before: two small requests).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Account?>> ReadBackAsync(IReadOnlyList<string> accountIds, CancellationToken ct)
    {
        var found = accountIds.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(id => id, _ => (Account?)null, StringComparer.OrdinalIgnoreCase);
        if (found.Count == 1)
        {
            var id = found.Keys.First();
            found[id] = await GetAccountAsync(id, new ScanRequest(null), ct);
            return found;
        }
        await foreach (var e in client.ListUserEntitiesAsync(ct))
            if (found.ContainsKey(e.Entity.Identifier)) found[e.Entity.Identifier] = PortMapper.ToAccount(e.Entity, e.Raw, null);
        return found;
    }

    public int MaxBatch(string action) => Require(action) == PortDefinition.Disable ? PortClient.MaxBulk : 1;

    public async Task<ActionResult> ApplyAsync(string action, Account account, CancellationToken ct) =>
        (await ApplyBatchAsync(action, [account], ct))[account.Id];

    public async Task<ActionResult> UndoAsync(string action, string accountId, string? backupJson, CancellationToken ct) =>
        (await UndoBatchAsync(action, [(accountId, backupJson)], ct))[accountId];

    public async Task<IReadOnlyDictionary<string, ActionResult>> ApplyBatchAsync(string action, IReadOnlyList<Account> accounts, CancellationToken ct)
    {
        if (Require(action) == PortDefinition.Disable) return await _actions.DisableAsync(accounts, ct);
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        foreach (var a in accounts) results[a.Id] = await _actions.DeleteAsync(a, ct);
        return results;
    }

    public async Task<IReadOnlyDictionary<string, ActionResult>> UndoBatchAsync(string action,
        IReadOnlyList<(string AccountId, string? BackupJson)> accounts, CancellationToken ct)
    {
        if (Require(action) == PortDefinition.Disable) return await _actions.EnableAsync(accounts, ct);
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        foreach (var (id, backup) in accounts) results[id] = await _actions.RecreateAsync(id, backup, ct);
        return results;
    }

    public void Dispose() => owned.Dispose();

    private PlatformAction Require(string action) => this.Action(action);
}
