using Dormant.Core.Accounts;
using Dormant.Core.Connectors;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// Seat removals and their undo in batches. GitHub answers how many seats it changed; when that is
/// not what was sent, each one is read again rather than trusted or sent twice.
/// </summary>
internal sealed class SeatChanger(GitHubClient client, WritePacer writes)
{
    /// <summary>UNCERTAIN how many names GitHub takes at once (docs §4); 50 keeps requests small.</summary>
    public const int MaxBatch = 50;

    public async Task<IReadOnlyDictionary<string, ActionResult>> RemoveAsync(IReadOnlyList<Account> seats, string? caller, CancellationToken ct)
    {
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        var send = new List<string>();
        foreach (var s in seats)
        {
            if (s.Status == AccountStatus.Closed) results[s.Id] = ActionResult.Already("already cancelled this billing cycle; not sent");
            else if (Protection(s, caller) is { } why) results[s.Id] = ActionResult.Failed($"not removed: {why}; not sent to GitHub");
            else send.Add(s.Id);
        }
        await SendAsync(send, remove: true, results, ct);
        return results;
    }

    public async Task<IReadOnlyDictionary<string, ActionResult>> RestoreAsync(IReadOnlyList<string> logins, CancellationToken ct)
    {
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        var send = new List<string>();
        // Read first: a seat that is assigned again (by someone else) is reported as such, not re-sent.
        foreach (var login in logins)
        {
            var now = await client.SeatAsync(login, ct);
            if (now is { Seat.PendingCancellationDate: null }) results[login] = ActionResult.Already("the seat is assigned and not cancelled; left as is");
            else send.Add(login);
        }
        await SendAsync(send, remove: false, results, ct);
        return results;
    }

    private const string Removed = "seat set to pending cancellation: it ends, and stops being billed, at the start of the next billing cycle";
    private const string Restored = "seat assigned again (its pending cancellation lifted, or a new seat)";

    private async Task SendAsync(List<string> send, bool remove, Dictionary<string, ActionResult> results, CancellationToken ct)
    {
        foreach (var chunk in send.Chunk(MaxBatch))
        {
            var counted = await writes.RunAsync(() => client.ChangeSeatsAsync(cancel: remove, chunk, ct), ct);
            if (counted == chunk.Length)
                foreach (var login in chunk) results[login] = ActionResult.Done(remove ? Removed : Restored);
            else await SettleAsync(chunk, counted, remove, results, ct);
        }
    }

    private async Task SettleAsync(string[] chunk, int counted, bool remove, Dictionary<string, ActionResult> results, CancellationToken ct)
    {
        var said = $"GitHub counted {counted} of the {chunk.Length} seats sent";
        foreach (var login in chunk)
        {
            var now = await client.SeatAsync(login, ct);
            var reached = remove ? now is null || now.Value.Seat.PendingCancellationDate is not null : now is { Seat.PendingCancellationDate: null };
            results[login] = reached ? ActionResult.Done($"{(remove ? Removed : Restored)} ({said}; confirmed on re-read)")
                : ActionResult.Failed($"{said}; a re-read shows this one {(remove ? "still assigned" : "still without an active seat")}");
        }
    }

    private static string? Protection(Account s, string? caller) =>
        s.ProtectedBecause ?? (s.IsCaller || string.Equals(s.Id, caller, StringComparison.OrdinalIgnoreCase) ? "the token's own user"
            : s.Kind == AccountKind.Service ? "a bot" : null);
}
