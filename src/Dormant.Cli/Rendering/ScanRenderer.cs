using System.Globalization;
using Dormant.Core.Plans;
using Dormant.Core.Policy;

namespace Dormant.Cli.Rendering;

/// <summary>The seed's result counts, then the inactive accounts, longest idle first.</summary>
public static class ScanRenderer
{
    private static readonly (string Key, string Label)[] Rows =
    [
        ("total", "Total users"), ("active", "Active"), ("inactive", "Inactive"),
        ("no-activity-data", "No login data"), ("already-inactive", "Already suspended"),
        ("excluded", "Excluded"), ("protected", "Protected"), ("error", "Errors"),
    ];

    public static void Render(TextWriter w, string platform, string tenant, PolicyRules rules, IReadOnlyList<Decision> decisions)
    {
        var counts = ScanResult.CountByCategory(decisions);
        w.WriteLine($"{platform} {TerminalText.Escape(tenant)}: {rules.Product ?? "any product"}, inactive after {rules.InactiveDays} days, action {rules.Action}");
        foreach (var (key, label) in Rows)
            w.WriteLine($"  {label,-18} {counts.GetValueOrDefault(key)}");
        var inactive = decisions.Where(d => d.Category == Category.Inactive)
            .OrderByDescending(d => d.DaysInactive ?? int.MaxValue).ThenBy(d => d.Label, StringComparer.OrdinalIgnoreCase).ToList();
        if (inactive.Count == 0) return;
        w.WriteLine();
        w.WriteLine($"Inactive accounts ({inactive.Count}), longest idle first:");
        w.WriteLine($"  {"DAYS",5}  {"LAST ACTIVE",-11}  ACCOUNT");
        foreach (var d in inactive)
            w.WriteLine($"  {d.DaysInactive,5}  {Day(d.LastActive),-11}  {TerminalText.Escape(d.Label)} ({TerminalText.Escape(d.AccountId)})");
    }

    public static void RenderErrors(TextWriter w, IReadOnlyList<Decision> decisions)
    {
        foreach (var d in decisions.Where(d => d.Category == Category.Error))
            w.WriteLine($"  error: {TerminalText.Escape(d.Label)}: {TerminalText.Escape(d.Reason)}");
    }

    public static string Day(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never";
}
