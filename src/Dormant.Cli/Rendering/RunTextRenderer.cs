using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dormant.Core;
using Dormant.Core.Connectors;
using Dormant.Core.Policy;

namespace Dormant.Cli.Rendering;

/// <summary>A run's recorded policy and summary as lists a person reads, for 'show'.</summary>
public static class RunTextRenderer
{
    private const string Indent = "          ";

    /// <param name="words">The words of the run's platform: its status for accounts that cannot sign in, whether it has products.</param>
    public static void Policy(TextWriter w, string policyJson, PlatformWords words)
    {
        if (Read(policyJson) is not { } p)
        {
            w.WriteLine($"policy    {TerminalText.Escape(policyJson)}");
            return;
        }
        var c = CultureInfo.InvariantCulture;
        w.WriteLine($"policy    inactive after {p.InactiveDays} days without activity{(p.InclusiveThreshold ? " (exactly that many counts)" : "")}");
        if (p.Product is not null || words.HasProducts) w.WriteLine($"{Indent}product     {TerminalText.Escape(p.Product ?? "any product")}");
        w.WriteLine($"{Indent}signal      {TerminalText.Escape(p.Signal ?? "every signal")}");
        w.WriteLine($"{Indent}no data     {Wire(p.NoData)}");
        w.WriteLine($"{Indent}targets     {(p.Targets == TargetStatus.Suspended ? words.Inactive : Wire(p.Targets))} accounts");
        w.WriteLine($"{Indent}exclusions  {(p.Exclusions.Count == 0 ? "none" : string.Join(", ", p.Exclusions.Select(TerminalText.Escape)))}");
        w.WriteLine(string.Create(c, $"{Indent}caps        at most {p.MaxActions} accounts and {p.MaxShare:P0} of those scanned"));
        w.WriteLine($"{Indent}action      {Paint.With(Tone.Strong, TerminalText.Escape(p.Action ?? "the platform's default"))}");
        if (p.Approvals > 0) w.WriteLine($"{Indent}approvals   {p.Approvals} besides the planner's, before apply");
    }

    public static void Summary(TextWriter w, string summaryJson)
    {
        if (RunJson.Parse(summaryJson) is not JsonObject counts)
        {
            w.WriteLine($"summary   {TerminalText.Escape(summaryJson)}");
            return;
        }
        var first = true;
        foreach (var (key, value) in counts)
        {
            w.WriteLine($"{(first ? "summary   " : Indent)}{TerminalText.Escape(key),-17} {TerminalText.Escape(value?.ToJsonString())}");
            first = false;
        }
        if (first) w.WriteLine("summary   (empty)");
    }

    private static PolicyRules? Read(string json)
    {
        try { return JsonSerializer.Deserialize<PolicyRules>(json, DormantJson.Options); }
        catch (JsonException) { return null; }
    }

    private static string Wire<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, DormantJson.Options).Trim('"');
}
