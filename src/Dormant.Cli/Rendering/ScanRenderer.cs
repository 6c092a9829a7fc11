using System.Globalization;
using Dormant.Core.Connectors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;

namespace Dormant.Cli.Rendering;

/// <summary>The seed's result counts, then the inactive accounts, longest idle first.</summary>
public static class ScanRenderer
{
    private static readonly (string Key, string Label, Tone Tone)[] Rows =
    [
        ("total", "Total users", Tone.Strong), ("active", "Active", Tone.Good), ("inactive", "Inactive", Tone.Warn),
        ("no-activity-data", "No login data", Tone.Muted), ("already-inactive", "Already ", Tone.Muted),
        ("excluded", "Excluded", Tone.Muted), ("protected", "Protected", Tone.Muted), ("error", "Errors", Tone.Bad),
    ];

    /// <param name="words">The platform's words: its status for an account that cannot sign in, whether it has products, the scan's scope.</param>
    public static void Render(TextWriter w, string platform, string tenant, PolicyRules rules, IReadOnlyList<Decision> decisions, PlatformWords words)
    {
        var counts = ScanResult.CountByCategory(decisions);
        var scope = words.Scope is { } s ? $" ({TerminalText.Escape(s)})" : "";
        w.WriteLine($"{platform} {TerminalText.Escape(tenant)}{scope}: {TerminalText.Escape(words.ActivityFrom(rules.Product, rules.Signal))}, "
            + $"inactive after {rules.InactiveDays} days, action {rules.Action}");
        foreach (var (key, label, tone) in Rows)
        {
            var text = key == "already-inactive" ? label + words.Inactive : label;
            w.WriteLine($"  {text,-18} {Paint.Count(counts.GetValueOrDefault(key), tone)}");
        }
        var inactive = decisions.Where(d => d.Category == Category.Inactive)
            .OrderByDescending(d => d.DaysInactive ?? int.MaxValue).ThenBy(d => d.Label, StringComparer.OrdinalIgnoreCase).ToList();
        if (inactive.Count == 0) return;
        w.WriteLine();
        w.WriteLine($"Inactive accounts ({inactive.Count}), longest idle first:");
        w.WriteLine($"  {"DAYS",5}  {"LAST ACTIVE",-11}  ACCOUNT");
        foreach (var d in inactive)
            w.WriteLine($"  {d.DaysInactive,5}  {Day(d.LastActive),-11}  {TerminalText.Escape(d.Label)} ({TerminalText.Escape(d.AccountId)})");
    }

    public static string Day(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never";
}
