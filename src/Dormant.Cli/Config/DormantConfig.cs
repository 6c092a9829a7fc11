namespace Dormant.Cli.Config;

public sealed record DormantConfig(string Path, IReadOnlyList<TenantConfig> Tenants)
{
    public static readonly DormantConfig Empty = new("", []);

    public NoticeConfig Notices { get; init; } = new();

    /// <summary>The store named by the file: an absolute file path or a postgres:// URL; null when it names none.</summary>
    public string? Store { get; init; }

    public TenantConfig? Find(string name) =>
        Tenants.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
