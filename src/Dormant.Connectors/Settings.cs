using Dormant.Core.Errors;

namespace Dormant.Connectors;

/// <summary>
/// A connector's reads of its resolved settings. The command line has already named what is missing
/// or wrong by its flag and variable; these checks guard the callers that skip it.
/// </summary>
internal static class Settings
{
    public static string Require(IReadOnlyDictionary<string, string> values, SettingSpec spec) =>
        Optional(values, spec) ?? spec.Default ?? throw new UsageException($"missing {spec.Description} (setting '{spec.Key}')");

    public static string? Optional(IReadOnlyDictionary<string, string> values, SettingSpec spec)
    {
        if (!values.TryGetValue(spec.Key, out var v) || string.IsNullOrWhiteSpace(v)) return null;
        return spec.Problem(v) is { } problem ? throw new UsageException($"{spec.Description}: {problem}") : v.Trim();
    }
}
