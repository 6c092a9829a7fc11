namespace Dormant.Core.Errors;

public enum VendorErrorKind { Auth, Permission, NotFound, RateLimited, Transient, Contract, Other }

/// <summary>The vendor said no. Carries the vendor's own status and message, never request headers.</summary>
public sealed class VendorException(string platform, VendorErrorKind kind, int? status, string message)
    : DormantException($"{platform}: {message}" + (status is { } s ? $" (HTTP {s})" : ""))
{
    public string Platform { get; } = platform;
    public VendorErrorKind Kind { get; } = kind;
    public int? Status { get; } = status;
}
