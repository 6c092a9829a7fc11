using System.Net;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;

namespace Dormant.Connectors.DocSpace;

/// <summary>
/// Status changes in batches. DocSpace checks the whole list first and refuses all of it (403) when
/// one user is the owner, the caller, an LDAP or system user, or (for a non-owner caller) an admin;
/// a restore may be refused for seat quota (402). Known protected users are left out before the
/// request; a refused batch is split in halves until each refusal is pinned on one account.
/// </summary>
internal sealed class StatusChanger(DocSpaceClient client)
{
    /// <summary>Small enough that narrowing down a refusal costs few requests, large enough to save most of them.</summary>
    public const int MaxBatch = 50;

    // The API calls the status Terminated; the portal's people list, which an admin checks, says Disabled.
    private static readonly string s_disabled = $"{DocSpaceDefinition.Disable.PastTense} (restorable)";

    public async Task<IReadOnlyDictionary<string, ActionResult>> DisableAsync(IReadOnlyList<Account> accounts, CancellationToken ct)
    {
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        var send = new List<string>();
        foreach (var a in accounts)
        {
            if (a.Status == AccountStatus.Suspended) results[a.Id] = ActionResult.Already("already disabled; not touched");
            else if (Protection(a) is { } why) results[a.Id] = ActionResult.Failed($"protected ({why}); not sent to DocSpace");
            else send.Add(a.Id);
        }
        foreach (var chunk in send.Chunk(MaxBatch))
            await ChangeAsync(DocSpaceStatus.Terminated, chunk, results, ct);
        return results;
    }

    public async Task<IReadOnlyDictionary<string, ActionResult>> RestoreAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        var send = new List<string>();
        // Read first: an account that is active again (or gone) must be reported as such, not re-sent.
        foreach (var id in ids)
        {
            var now = await client.GetUserAsync(id, ct);
            if (now is null) results[id] = ActionResult.Failed("no longer exists in DocSpace");
            else if (now.Value.User.Status != DocSpaceStatus.Terminated) results[id] = ActionResult.Already("not disabled any more; left as is");
            else send.Add(id);
        }
        foreach (var chunk in send.Chunk(MaxBatch))
            await ChangeAsync(DocSpaceStatus.Active, chunk, results, ct);
        return results;
    }

    private async Task ChangeAsync(int status, IReadOnlyList<string> ids, Dictionary<string, ActionResult> results, CancellationToken ct)
    {
        var answer = await client.SetStatusAsync(status, ids, ct);
        if (answer.Refused)
        {
            if (ids.Count == 1) { results[ids[0]] = ActionResult.Failed(Refusal(answer)); return; }
            var half = ids.Count / 2;
            await ChangeAsync(status, ids.Take(half).ToList(), results, ct);
            await ChangeAsync(status, ids.Skip(half).ToList(), results, ct);
            return;
        }
        var now = answer.Users.GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids)
            results[id] = !now.TryGetValue(id, out var u) ? ActionResult.Failed("DocSpace accepted the request but did not return this user")
                : u.Status == status ? ActionResult.Done(status == DocSpaceStatus.Terminated ? s_disabled : "reactivated")
                // A terminated invitee with no name goes back to Pending, not Active (api-contracts.md §3.5).
                : status == DocSpaceStatus.Active && u.Status == DocSpaceStatus.Pending ? ActionResult.Done("reactivated; DocSpace set the invitee back to pending")
                : ActionResult.Failed($"DocSpace accepted the request but reports status {u.Status}");
    }

    private static string? Protection(Account a) =>
        a.IsOwner ? "portal owner" : a.IsCaller ? "the key's own user" : a.IsAdmin ? "DocSpace admin" : a.ProtectedBecause;

    private static string Refusal(StatusChange answer) => answer.Code == HttpStatusCode.PaymentRequired
        ? $"DocSpace refused to reactivate it for seat quota (402: {answer.Refusal ?? "payment required"}); free a seat or raise the quota, then restore again"
        : $"DocSpace refused to change it (403: {answer.Refusal ?? "access denied"}): the owner, DocSpace admins, LDAP and system users and the key's own user cannot be disabled";
}
