using System.Data.Common;

namespace Dormant.Store.Sqlite;

/// <summary>Typed column reads that treat a bad value as a damaged store, not a crash.</summary>
internal sealed class Row(DbDataReader reader, string path)
{
    public string Text(int i) => reader.IsDBNull(i) ? throw Bad(i, "null") : reader.GetString(i);

    public string? TextOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public long Long(int i) => reader.GetInt64(i);

    public int? IntOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);

    public DateTimeOffset Time(int i) => StoreTime.TryParse(Text(i), out var at) ? at : throw Bad(i, reader.GetString(i));

    public DateTimeOffset? TimeOrNull(int i) => reader.IsDBNull(i) ? null : Time(i);

    public DateOnly? DateOrNull(int i) => reader.IsDBNull(i) ? null
        : DateOnly.TryParseExact(reader.GetString(i), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d : throw Bad(i, reader.GetString(i));

    public T Enum<T>(int i) where T : struct, System.Enum =>
        Kebab<T>.TryParse(Text(i), out var value) ? value : throw Bad(i, reader.GetString(i));

    private Exception Bad(int i, string value) =>
        StoreErrors.NotOurs(path, $"unexpected value '{value}' in column {reader.GetName(i)}");
}
