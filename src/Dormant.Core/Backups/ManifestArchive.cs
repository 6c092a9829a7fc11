namespace Dormant.Core.Backups;

/// <summary>The run's ZIP: pending (its name stem kept so a later run writes it under the original day) or written.</summary>
public sealed record ManifestArchive(string State, string Stem, IReadOnlyList<string> Accounts, string? Name = null)
{
    public const string Pending = "pending";
    public const string Written = "written";
}
