using System.Text.Json;

namespace Dormant.Store.Sqlite;

/// <summary>
/// Enum values as the same kebab-case names DormantJson writes, so a row reads like the JSON
/// output and survives members being reordered (numbers would not).
/// </summary>
internal static class Kebab<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names =
        Enum.GetValues<T>().ToDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    private static readonly Dictionary<string, T> Values =
        Names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string ToName(T value) =>
        Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public static bool TryParse(string name, out T value) => Values.TryGetValue(name, out value);
}
