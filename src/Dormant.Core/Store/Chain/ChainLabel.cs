using System.Globalization;
using System.Text.Json;

namespace Dormant.Core.Store.Chain;

/// <summary>Names a unit for a person: "journal seq 45 (run R, account A)", "backup run R account A".</summary>
internal static class ChainLabel
{
    /// <summary>Columns that, when not part of the key, tell a reader whose row it is.</summary>
    private static readonly string[] s_context = ["run_id", "plan_id", "account_id", "account"];

    public static string Of(ChainRow row)
    {
        var keys = row.Kind.KeyColumns.Select(row.Value).ToList();
        var context = row.Kind.Set ? [] : s_context.Where(c => !row.Kind.KeyColumns.Contains(c) && row.Value(c) is { } v && !keys.Contains(v))
            .Select(c => $"{Short(c)} {Text(row.Value(c))}").ToList();
        var name = Of(row.Kind, keys);
        return context.Count == 0 ? name : $"{name} ({string.Join(", ", context)})";
    }

    /// <summary>From the key alone, for a unit whose rows are gone.</summary>
    public static string Of(ChainKind kind, string key)
    {
        try
        {
            using var json = JsonDocument.Parse(key);
            return Of(kind, [.. json.RootElement.EnumerateArray().Select(e => (object?)e.ToString())]);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return $"{kind.Name} {key}";
        }
    }

    private static string Of(ChainKind kind, IReadOnlyList<object?> values) =>
        string.Join(' ', [kind.Name, .. kind.KeyColumns.Select((c, i) =>
            Short(c) == kind.Name ? Text(i < values.Count ? values[i] : null) : $"{Short(c)} {Text(i < values.Count ? values[i] : null)}")]);

    private static string Short(string column) => column.EndsWith("_id", StringComparison.Ordinal) ? column[..^3] : column;

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
