using System.Net;

namespace Dormant.Connectors.DocSpace;

/// <summary>The answer to one status change: the users as they are now, or the refusal and why.</summary>
internal sealed record StatusChange(HttpStatusCode Code, string? Refusal, IReadOnlyList<DsUser> Users)
{
    public bool Refused => Code is HttpStatusCode.Forbidden or HttpStatusCode.PaymentRequired;
}
