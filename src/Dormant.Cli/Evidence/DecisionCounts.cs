using Dormant.Core.Policy;

namespace Dormant.Cli.Evidence;

/// <summary>Decisions counted by category, every category present (zeros too), in the enum's order.</summary>
internal static class DecisionCounts
{
    public static IReadOnlyDictionary<string, int> Of(IReadOnlyList<Decision> decisions) =>
        Enum.GetValues<Category>().ToDictionary(c => c.ToWire(), c => decisions.Count(d => d.Category == c));

    public static string Summary(IReadOnlyList<Decision> decisions) =>
        $"{decisions.Count} decisions: " + string.Join(", ", Of(decisions).Where(kv => kv.Value > 0).Select(kv => $"{kv.Value} {kv.Key}"));
}
