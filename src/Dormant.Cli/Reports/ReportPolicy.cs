using System.Globalization;
using System.Text.Json;

namespace Dormant.Cli.Reports;

/// <summary>
/// The recorded policy as a report reads it: each rule on its own, absent when the record lacks it.
/// Read field by field rather than as PolicyRules, so a run recorded by an older or newer policy
/// version still gets every rule this version can name.
/// </summary>
internal sealed record ReportPolicy
{
    public int? InactiveDays { get; init; }
    /// <summary>True: exactly N days idle is inactive; false (the rules' default): more than N days.</summary>
    public bool InclusiveThreshold { get; init; }
    public string? Product { get; init; }
    public string? Signal { get; init; }
    public string? NoData { get; init; }
    public string? Targets { get; init; }
    public IReadOnlyList<string> Exclusions { get; init; } = [];
    public int? MaxActions { get; init; }
    public double? MaxShare { get; init; }
    public string? Action { get; init; }
    public decimal? SeatPrice { get; init; }
    public int? Version { get; init; }

    /// <summary>The first whole day of idleness the policy calls inactive.</summary>
    public int? FirstInactiveDay => InactiveDays is { } n ? (InclusiveThreshold ? n : n + 1) : null;

    /// <summary>Null when nothing is recorded or the record is not a JSON object.</summary>
    public static ReportPolicy? Parse(string? json)
    {
        if (json is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var p = doc.RootElement;
            if (p.ValueKind != JsonValueKind.Object) return null;
            return new ReportPolicy
            {
                InactiveDays = Int(p, "inactiveDays"),
                InclusiveThreshold = p.TryGetProperty("inclusiveThreshold", out var inc) && inc.ValueKind == JsonValueKind.True,
                Product = Text(p, "product"),
                Signal = Text(p, "signal"),
                NoData = Text(p, "noData"),
                Targets = Text(p, "targets"),
                Exclusions = p.TryGetProperty("exclusions", out var ex) && ex.ValueKind == JsonValueKind.Array
                    ? ex.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                    : [],
                MaxActions = Int(p, "maxActions"),
                MaxShare = p.TryGetProperty("maxShare", out var share) && share.TryGetDouble(out var s) ? s : null,
                Action = Text(p, "action"),
                SeatPrice = p.TryGetProperty("seatPrice", out var price) && price.TryGetDecimal(out var d) ? d : null,
                Version = Int(p, "version"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"more than 180 days" or "at least 180 days": the evaluator's own wording.</summary>
    public string? ThresholdText => InactiveDays is { } n
        ? $"{(InclusiveThreshold ? "at least" : "more than")} {n.ToString(CultureInfo.InvariantCulture)} days without activity"
        : null;

    private static int? Int(JsonElement p, string name) =>
        p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static string? Text(JsonElement p, string name) =>
        p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
