using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Core.Apply;

/// <summary>
/// Before anything is changed, the tenant the credentials reach now must be the one the plan or run
/// was made on — asked of the vendor again, never taken from the host or the file.
/// </summary>
public static class TenantCheck
{
    /// <param name="unrecordedIsOk">For undoing a run made before Dormant recorded identities: then only the
    /// platform and tenant label were checked, as they were when it ran; refusing would strand its accounts.</param>
    public static async Task RequireAsync(IConnector connector, string? recorded, string what, CancellationToken ct, bool unrecordedIsOk = false)
    {
        if (recorded is null && unrecordedIsOk) return;
        if (recorded is null)
            throw new UsageException($"{what} does not record which {connector.Platform} tenant it was made on; make a new plan");
        var now = await connector.IdentifyAsync(ct);
        if (!string.Equals(now, recorded, StringComparison.Ordinal))
            throw new UsageException($"{what} was made on {connector.Platform} {recorded}, but these credentials reach {now}; nothing was changed — use the credentials of {recorded}");
    }
}
