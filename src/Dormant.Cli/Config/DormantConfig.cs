namespace Dormant.Cli.Config;

public sealed record DormantConfig(string Path, IReadOnlyList<TenantConfig> Tenants)
{
    public static readonly DormantConfig Empty = new("", []);

    public NoticeConfig Notices { get; init; } = new();

    public TenantConfig? Find(string name) =>
        Tenants.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
