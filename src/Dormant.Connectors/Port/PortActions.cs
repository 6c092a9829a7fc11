using System.Text.Json;
using System.Text.Json.Nodes;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Port;

/// <summary>
/// What each action means on Port. Disable/enable set the `_user` entity's status through the bulk
/// route (≤ 20 per request); delete removes the entity (and so the user); its undo re-creates the
/// entity from the backup, which Port does not treat as the same person (api-contracts.md §1.5).
/// </summary>
internal sealed class PortActions(PortClient client)
{
    public const string DisabledStatus = "Disabled";

    // From api-contracts.md §1.5, no more: what re-creating the entity does not bring back.
    public const string RecreateCaveat = "Port does not restore the user itself: role and team links must be redone in Port, "
        + "and the person may need to be invited again (POST /v1/users/invite); whether they get the same user id is not documented";

    public Task<IReadOnlyDictionary<string, ActionResult>> DisableAsync(IReadOnlyList<Account> accounts, CancellationToken ct)
    {
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        var todo = new List<(string, string, object)>();
        foreach (var a in accounts)
        {
            if (a.Status == AccountStatus.Suspended) results[a.Id] = ActionResult.Already("already disabled");
            else todo.Add((a.Id, "disabled (restorable: restore sets the status back)", new { status = DisabledStatus }));
        }
        return SetAsync(todo, results, ct);
    }

    /// <summary>Puts back the status the backup shows (Active, Invited or Staged), Active when it shows none.</summary>
    public async Task<IReadOnlyDictionary<string, ActionResult>> EnableAsync(IReadOnlyList<(string Id, string? Backup)> accounts, CancellationToken ct)
    {
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        var todo = new List<(string, string, object)>();
        var ids = accounts.Select(a => a.Id).ToList();
        var now = new Dictionary<string, PortEntity>(StringComparer.Ordinal);
        // One search re-reads the whole batch; setting a status on a vanished entity would create it.
        var query = new { combinator = "and", rules = new object[] { new { property = "$identifier", @operator = "in", value = ids } } };
        await foreach (var e in Paging.ReadAllAsync("port", (from, t) => client.SearchUserEntitiesAsync(query, from, t), ct))
            now[e.Entity.Identifier] = e.Entity;
        foreach (var (id, backup) in accounts)
        {
            if (!now.TryGetValue(id, out var entity)) results[id] = ActionResult.Failed("the _user entity no longer exists; nothing to re-enable");
            else if (PortMapper.StatusOf(entity.Property("status")) != AccountStatus.Suspended)
                results[id] = ActionResult.Already($"already {entity.Property("status") ?? "not disabled"}");
            else
            {
                var status = StatusBefore(backup);
                todo.Add((id, $"status set back to {status}", new { status }));
            }
        }
        return await SetAsync(todo, results, ct);
    }

    public async Task<ActionResult> DeleteAsync(Account account, CancellationToken ct)
    {
        var orphans = await OrphanNoteAsync(account.Id, ct);
        return await client.DeleteUserEntityAsync(account.Id, ct)
            ? ActionResult.Done("deleted the _user entity and with it the Port user" + orphans)
            : ActionResult.Already("already deleted");
    }

    public async Task<ActionResult> RecreateAsync(string id, string? backupJson, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(backupJson)) return ActionResult.Failed("no backup of the entity; cannot re-create it");
        if (await client.GetUserEntityAsync(id, ct) is not null) return ActionResult.Already("the _user entity exists again");
        var backup = JsonNode.Parse(backupJson) as JsonObject ?? throw new UsageException($"the backup of {id} is not a JSON object");
        // What Port accepts on create; meta fields (createdAt, updatedBy, …) are Port's to set. Port
        // writes "icon": null (and may write a null title); its schema takes a string or nothing.
        var body = new JsonObject();
        foreach (var key in new[] { "identifier", "title", "icon", "team", "properties", "relations" })
            if (backup[key] is { } value) body[key] = value.DeepClone();
        return await client.CreateUserEntityAsync(body, ct)
            ? ActionResult.Done("re-created the _user entity from its backup. " + RecreateCaveat)
            : ActionResult.Already("the _user entity exists again");
    }

    public Task<IReadOnlyList<PortEntityRead>> CreatedByAsync(IReadOnlyList<string> creators, CancellationToken ct) =>
        client.SearchAllEntitiesAsync(new { combinator = "and", rules = new object[] { new { property = "$createdBy", @operator = "in", value = creators } } }, ct);

    // The original script deletes silently and leaves what the user created behind; say what stays.
    private async Task<string> OrphanNoteAsync(string id, CancellationToken ct)
    {
        try
        {
            var user = await client.GetUserAsync(id, teams: false, ct);
            var creators = new[] { id, user?.Id }.OfType<string>().Distinct().ToList();
            var left = (await CreatedByAsync(creators, ct)).Where(e => e.Entity.Identifier != id).ToList();
            if (left.Count == 0) return "; no entities created by this user";
            var names = string.Join(", ", left.Take(10).Select(e => e.Entity.Identifier)) + (left.Count > 10 ? ", …" : "");
            return $"; left behind {left.Count} entities this user created: {names}";
        }
        catch (VendorException e) when (e.Kind is not (VendorErrorKind.Auth or VendorErrorKind.RateLimited or VendorErrorKind.Transient))
        {
            return $"; could not list entities this user created ({e.Message})";
        }
    }

    private async Task<IReadOnlyDictionary<string, ActionResult>> SetAsync(List<(string Id, string Done, object Properties)> todo,
        Dictionary<string, ActionResult> results, CancellationToken ct)
    {
        foreach (var chunk in todo.Chunk(PortClient.MaxBulk))
        {
            IReadOnlyList<PortBulkItem> answer;
            try
            {
                answer = await client.BulkSetPropertiesAsync(chunk.Select(c => (c.Id, c.Properties)).ToList(), ct);
            }
            catch (VendorException e) when (e.Kind is not (VendorErrorKind.Auth or VendorErrorKind.RateLimited or VendorErrorKind.Transient))
            {
                answer = chunk.Select(c => new PortBulkItem(c.Id, false, e.Message)).ToList();
            }
            var done = chunk.ToDictionary(c => c.Id, c => c.Done, StringComparer.Ordinal);
            foreach (var item in answer)
                results[item.Identifier] = item.Ok ? ActionResult.Done(done[item.Identifier]) : ActionResult.Failed(item.Message ?? "failed");
        }
        return results;
    }

    private static string StatusBefore(string? backupJson)
    {
        try
        {
            var status = backupJson is null ? null : JsonNode.Parse(backupJson)?["properties"]?["status"]?.GetValue<string>();
            return PortMapper.StatusOf(status) is AccountStatus.Active or AccountStatus.Pending ? status! : "Active";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return "Active";
        }
    }
}
