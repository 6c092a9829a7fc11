using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dormant.Simulators.Port;

/// <summary>
/// The part of Port's query language a user-management client needs (structure-and-syntax.md):
/// {combinator, rules} nested, string operators = != in notIn contains beginsWith endsWith,
/// isEmpty/isNotEmpty, and date comparisons on meta properties. Anything else is refused, loudly.
/// </summary>
internal static class PortQuery
{
    public static bool Matches(SimEntity e, JsonNode? query)
    {
        if (query is null) return true;
        if (query is not JsonObject q) throw new FormatException("query must be an object");
        if (q["combinator"] is JsonValue c)
        {
            var rules = q["rules"] as JsonArray ?? throw new FormatException("rules must be an array");
            return (string?)c switch
            {
                "and" => rules.All(r => Matches(e, r)),
                "or" => rules.Any(r => Matches(e, r)),
                var other => throw new FormatException($"unknown combinator '{other}'"),
            };
        }
        var property = (string?)q["property"] ?? throw new FormatException("rule needs a property");
        var op = (string?)q["operator"] ?? throw new FormatException("rule needs an operator");
        var actual = Value(e, property);
        var value = q["value"];
        return op switch
        {
            "=" => actual == Text(value),
            "!=" => actual != Text(value),
            "in" => List(value).Contains(actual),
            "notIn" => !List(value).Contains(actual),
            "contains" => actual?.Contains(Text(value) ?? "", StringComparison.Ordinal) == true,
            "beginsWith" => actual?.StartsWith(Text(value) ?? "", StringComparison.Ordinal) == true,
            "endsWith" => actual?.EndsWith(Text(value) ?? "", StringComparison.Ordinal) == true,
            "isEmpty" => string.IsNullOrEmpty(actual),
            "isNotEmpty" => !string.IsNullOrEmpty(actual),
            ">" or ">=" or "<" or "<=" => Compare(actual, Text(value), op),
            _ => throw new FormatException($"operator '{op}' is not simulated"),
        };
    }

    private static string? Value(SimEntity e, string property) => property switch
    {
        "$identifier" => e.Identifier,
        "$title" => e.Title,
        "$blueprint" => e.Blueprint,
        "$createdBy" => e.CreatedBy,
        "$updatedBy" => e.UpdatedBy,
        "$createdAt" => e.CreatedAt,
        "$updatedAt" => e.UpdatedAt,
        _ => JsonNode.Parse(e.PropertiesJson)?[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null,
    };

    private static string? Text(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : value?.ToJsonString();

    private static List<string?> List(JsonNode? value) =>
        value is JsonArray a ? a.Select(Text).ToList() : throw new FormatException("'in' needs an array value");

    private static bool Compare(string? actual, string? value, string op)
    {
        if (actual is null || value is null) return false;
        var a = DateTimeOffset.Parse(actual, CultureInfo.InvariantCulture);
        var b = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
        return op switch { ">" => a > b, ">=" => a >= b, "<" => a < b, _ => a <= b };
    }
}
