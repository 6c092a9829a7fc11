using Dormant.Core.Accounts;

namespace Dormant.Core.Connectors;

/// <summary>
/// Optional: reads many accounts' standing back in fewer requests than one re-read each (a listing
/// filtered by account ids, say), for the verification after apply. Only the status needs to be right;
/// the activity evidence may be left out.
/// </summary>
public interface IAccountReadBack
{
    /// <summary>Each id given, with the account as it is now, or null when it no longer exists.</summary>
    Task<IReadOnlyDictionary<string, Account?>> ReadBackAsync(IReadOnlyList<string> accountIds, CancellationToken ct);
}
