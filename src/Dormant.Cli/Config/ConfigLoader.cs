using Dormant.Cli.Options;
using Dormant.Connectors;
using Dormant.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dormant.Cli.Config;

/// <summary>
/// Reads dormant.yaml by walking the YAML tree, so every complaint names the file, the line and
/// the key. Unknown keys are errors, not silently ignored: a typo in "exclude" must not act on the CFO.
/// </summary>
public static class ConfigLoader
{
    public const string FileName = "dormant.yaml";

    public static DormantConfig Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read config {path}: {e.Message}");
        }
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            throw new UsageException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0) return new DormantConfig(path, []);
        var reader = new YamlReader(path);
        var root = reader.Map(stream.Documents[0].RootNode, "the file");
        reader.OnlyKeys(root, "", "version", "store", "defaults", "tenants", "notices");
        if (reader.Get(root, "version") is { } v)
            reader.Try(() => reader.Int(v, "version") == 1 ? 1 : throw reader.Error(v, "version", "only version 1 is known"));
        var defaults = reader.Get(root, "defaults") is { } d ? reader.Try(() => ReadPolicy(reader, d, "defaults")) ?? new PolicyConfig() : new PolicyConfig();
        var tenants = new List<TenantConfig>();
        if (reader.Get(root, "tenants") is { } t && reader.Try(() => reader.Map(t, "tenants")) is { } map)
            foreach (var (name, node) in map.Children)
                if (reader.Try(() => ReadTenant(reader, reader.Scalar(name, "tenants"), node, defaults)) is { } tenant)
                    tenants.Add(tenant);
        var notices = reader.Get(root, "notices") is { } n ? reader.Try(() => NoticeConfigReader.Read(reader, n)) : null;
        var store = reader.Get(root, "store") is { } st ? reader.Try(() => StoreSetting(reader, st)) : null;
        if (reader.Problems.Count > 0) throw new ConfigErrors(reader.Problems);
        return new DormantConfig(path, tenants) { Notices = notices ?? new NoticeConfig(), Store = store };
    }

    private static TenantConfig ReadTenant(YamlReader r, string name, YamlNode node, PolicyConfig defaults)
    {
        var key = $"tenants.{name}";
        var map = r.Map(node, key);
        r.OnlyKeys(map, key, "connector", "settings", "secrets", "policy");
        var connectorNode = r.Get(map, "connector") ?? throw r.Error(node, key, "needs 'connector:' (" + Platforms() + ")");
        var platformName = r.Scalar(connectorNode, key + ".connector");
        var platform = PlatformCatalog.All.FirstOrDefault(p => string.Equals(p.Platform, platformName, StringComparison.OrdinalIgnoreCase))
            ?? throw r.Error(connectorNode, key + ".connector", $"unknown connector '{platformName}'; known: {Platforms()}");
        // Kept under each setting's own key, whichever name (its key or an earlier one) the file used.
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Get(map, "settings") is { } s)
            foreach (var (k, v) in r.Map(s, key + ".settings").Children)
                if (r.Try<(string Key, string Value)?>(() => Setting(r, key, platform, k, v)) is { } setting) settings[setting.Key] = setting.Value;
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Get(map, "secrets") is { } sec)
            foreach (var (k, v) in r.Map(sec, key + ".secrets").Children)
                if (r.Try<(string Key, string Variable)?>(() => Secret(r, key, platform, k, v)) is { } secret) secrets[secret.Key] = secret.Variable;
        var policy = r.Get(map, "policy") is { } p ? r.Try(() => ReadPolicy(r, p, key + ".policy")) ?? new PolicyConfig() : new PolicyConfig();
        return new TenantConfig { Name = name, Connector = platform.Platform, Settings = settings, Secrets = secrets, Policy = policy.Over(defaults) };
    }

    /// <summary>One connection setting, checked by the rule the platform declares for it (the same a flag gets).</summary>
    private static (string Key, string Value) Setting(YamlReader r, string key, IPlatformDefinition platform, YamlNode k, YamlNode v)
    {
        var settingKey = r.Scalar(k, key + ".settings");
        var spec = SettingNames.ByKey(platform, settingKey)
            ?? throw r.Error(k, $"{key}.settings.{settingKey}", $"{platform.Platform} has no setting '{settingKey}'; it has: {string.Join(", ", platform.Settings.Where(x => !x.Secret).Select(x => x.Key))}");
        if (spec.Secret)
            throw r.Error(k, $"{key}.settings.{settingKey}", $"secrets never go in the config file; name the environment variable under 'secrets: {{ {spec.Key}: VARIABLE }}'");
        var value = r.Scalar(v, $"{key}.settings.{settingKey}");
        if (spec.Problem(value) is { } problem) throw r.Error(v, $"{key}.settings.{settingKey}", problem);
        return (spec.Key, value);
    }

    private static (string Key, string Variable) Secret(YamlReader r, string key, IPlatformDefinition platform, YamlNode k, YamlNode v)
    {
        var secretKey = r.Scalar(k, key + ".secrets");
        var spec = SettingNames.ByKey(platform, secretKey) is { Secret: true } found ? found
            : throw r.Error(k, $"{key}.secrets.{secretKey}", $"{platform.Platform} has no secret '{secretKey}'; it has: {string.Join(", ", platform.Settings.Where(x => x.Secret).Select(x => x.Key))}");
        var variable = r.Scalar(v, $"{key}.secrets.{secretKey}");
        if (!System.Text.RegularExpressions.Regex.IsMatch(variable, "^[A-Za-z_][A-Za-z0-9_]*$"))
            throw r.Error(v, $"{key}.secrets.{secretKey}", "expected the NAME of an environment variable, not its value");
        return (spec.Key, variable);
    }

    private static PolicyConfig ReadPolicy(YamlReader r, YamlNode node, string key)
    {
        var map = r.Map(node, key);
        r.OnlyKeys(map, key, "preset", "inactive-days", "product", "action", "exclude", "exclude-from", "max-actions", "max-share", "seat-price", "notice-days", "notify", "approvals");
        T? Opt<T>(string name, Func<YamlNode, string, T> read) where T : struct =>
            r.Get(map, name) is { } n ? r.Try<T?>(() => read(n, $"{key}.{name}")) : null;
        string? Str(string name) => r.Get(map, name) is { } n ? r.Try(() => r.Scalar(n, $"{key}.{name}")) : null;
        var days = Opt("inactive-days", r.Int);
        if (days is < 1) r.Problems.Add(r.Error(r.Get(map, "inactive-days")!, key + ".inactive-days", "must be at least 1").Message);
        var share = Opt("max-share", r.Number);
        if (share is < 0 or > 100) r.Problems.Add(r.Error(r.Get(map, "max-share")!, key + ".max-share", "is a percentage from 0 to 100").Message);
        var approvals = Opt("approvals", r.Int);
        if (approvals is < 0 or > PolicyOptions.MaxApprovals)
            r.Problems.Add(r.Error(r.Get(map, "approvals")!, key + ".approvals", $"must be from 0 to {PolicyOptions.MaxApprovals}").Message);
        return new PolicyConfig
        {
            Preset = Str("preset"),
            InactiveDays = days,
            Product = Str("product"),
            Action = Str("action"),
            Exclude = [.. r.Get(map, "exclude") is { } e ? r.Try(() => r.List(e, key + ".exclude")) ?? [] : [], .. r.Try(() => ExcludeFrom(r, map, key)) ?? []],
            MaxActions = Opt("max-actions", r.Int),
            MaxSharePercent = share,
            SeatPrice = Opt("seat-price", r.Number) is { } price ? (decimal)price : null,
            NoticeDays = Opt("notice-days", r.Int),
            Notify = Str("notify") is { } notify
                ? r.Try<Dormant.Core.Notices.NoticeChannels?>(() => Dormant.Core.Notices.NoticeChannelNames.Parse(notify)
                    ?? throw r.Error(r.Get(map, "notify")!, key + ".notify", $"expected email, slack, email,slack or none, got '{notify}'"))
                : null,
            Approvals = approvals,
        };
    }

    /// <summary>Read when the config is: a missing file is the config's error, naming its line.</summary>
    private static IReadOnlyList<string> ExcludeFrom(YamlReader r, YamlMappingNode map, string key)
    {
        if (r.Get(map, "exclude-from") is not { } node) return [];
        var name = $"{key}.exclude-from";
        // Relative to the config file, so the pair can be moved or run from anywhere together.
        var file = Path.GetFullPath(r.Scalar(node, name), Path.GetDirectoryName(r.Path)!);
        return ExclusionFile.Read(file, r.Error(node, name, "").Message.TrimEnd(' ', ':'));
    }

    /// <summary>A file (relative to the config file) or a postgres:// URL, which must not hold the password.</summary>
    private static string StoreSetting(YamlReader r, YamlNode node)
    {
        var value = r.Scalar(node, "store");
        if (!Dormant.Store.Postgres.StoreUrl.IsPostgres(value)) return Path.GetFullPath(value, Path.GetDirectoryName(r.Path)!);
        try { Dormant.Store.Postgres.StoreUrl.Parse(value); }
        catch (UsageException e) { throw r.Error(node, "store", e.Message); }
        return value;
    }

    private static string Platforms() => string.Join(", ", PlatformCatalog.All.Select(p => p.Platform));
}
