namespace Dormant.Simulators.Atlassian;

/// <summary>
/// A user's access to one product on one site. <paramref name="LastActive"/> null = has access but
/// never used it. <paramref name="PerUserDateOnly"/>: the per-user last-active-dates endpoint gives
/// only <c>last_active</c> (a date) for this entry, no <c>last_active_timestamp</c> — the field is
/// missing from the 2023 spec and real answers vary.
/// </summary>
public sealed record SimProductAccess(string Key, string SiteId, DateTimeOffset? LastActive, bool PerUserDateOnly = false);
