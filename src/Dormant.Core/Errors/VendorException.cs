namespace Dormant.Core.Errors;

public enum VendorErrorKind { Auth, Permission, NotFound, RateLimited, Transient, Contract, Other }

/// <summary>The vendor said no. Carries the vendor's own status and message, never request headers.</summary>
/// <param name="outcomeUnknown">
/// A write was sent and its answer was lost (timeout, dropped connection, a 5xx, a garbled body): the
/// vendor may or may not have carried it out, so only a fresh read can tell.
/// </param>
public sealed class VendorException(string platform, VendorErrorKind kind, int? status, string message, bool outcomeUnknown = false)
    : DormantException($"{platform}: {message}" + (status is { } s ? $" (HTTP {s})" : ""))
{
    public bool OutcomeUnknown { get; } = outcomeUnknown;

    public string Platform { get; } = platform;
    public VendorErrorKind Kind { get; } = kind;
    public int? Status { get; } = status;
}
