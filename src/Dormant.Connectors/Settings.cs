using Dormant.Core.Errors;

namespace Dormant.Connectors;

internal static class Settings
{
    public static string Require(IReadOnlyDictionary<string, string> values, SettingSpec spec) =>
        values.TryGetValue(spec.Key, out var v) && !string.IsNullOrWhiteSpace(v)
            ? v.Trim()
            : spec.Default ?? throw new UsageException(
                $"missing {spec.Description}: set {string.Join(" or ", spec.EnvVars)} (environment or .env) or pass {spec.Flag}");
}
