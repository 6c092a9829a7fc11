using NpgsqlTypes;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// Typed parameters. A null sent untyped leaves PostgreSQL unable to tell "@x IS NULL" what x is,
/// so every parameter names its type.
/// </summary>
internal static class PgCommands
{
    public static NpgsqlCommand Sql(this NpgsqlConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public static NpgsqlCommand Text(this NpgsqlCommand command, string name, string? value) =>
        command.With(name, NpgsqlDbType.Text, value);

    public static NpgsqlCommand Long(this NpgsqlCommand command, string name, long? value) =>
        command.With(name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand Int(this NpgsqlCommand command, string name, int? value) =>
        command.With(name, NpgsqlDbType.Integer, value);

    public static NpgsqlCommand Time(this NpgsqlCommand command, string name, DateTimeOffset? value) =>
        command.With(name, NpgsqlDbType.Text, value is { } at ? Sqlite.StoreTime.Format(at) : null);

    private static NpgsqlCommand With(this NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }
}
