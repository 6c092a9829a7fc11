using System.Globalization;

namespace Dormant.Core.Notices;

/// <summary>
/// A person's standing request to keep their access: the account (id or email) on every tenant of a
/// platform, through <see cref="Until"/> (a UTC date, inclusive), who asked and why.
/// </summary>
public sealed record KeepEntry(string Platform, string Account, DateOnly Until, string Reason, string By, DateTimeOffset CreatedAt)
{
    public long Id { get; init; }
    /// <summary>When a scan or plan first told that the entry had expired; null until then, so it is told once.</summary>
    public DateTimeOffset? ExpiryReportedAt { get; init; }

    public bool LiveAt(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) <= Until;

    public bool Matches(string accountId, string label) =>
        string.Equals(Account, accountId, StringComparison.OrdinalIgnoreCase) || string.Equals(Account, label, StringComparison.OrdinalIgnoreCase);

    public string UntilText => Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The reason a decision shows: owner, reason and expiry, as the reviewer checks them.</summary>
    public string Describe() => $"{KeepRules.ReasonPrefix} until {UntilText} (asked by {By}: {Reason})";
}
