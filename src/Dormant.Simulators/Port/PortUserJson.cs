using System.Globalization;
using System.Text.Json.Nodes;

namespace Dormant.Simulators.Port;

/// <summary>
/// A user as GET /v1/users writes it, restricted to the requested <c>fields</c> (the allowed values
/// of PORT-SPEC; nested ones like <c>orgMembers.lastLoginAt</c> select inside lists).
/// </summary>
internal static class PortUserJson
{
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "email", "firstName", "isInvisible", "lastName", "picture", "status", "supportLevel", "type", "providers",
        "createdAt", "updatedAt", "teams.name", "teams.provider", "teams.createdAt", "teams.updatedAt", "roles.name",
        "roles.description", "roles.isAdmin", "roles.protected", "roles.createdAt", "roles.updatedAt", "orgMembers.orgId",
        "orgMembers.status", "orgMembers.lastLoginAt",
    };

    /// <summary>Without fields Port answers its default shape; this is the simulator's version of it.</summary>
    public static readonly IReadOnlySet<string> Default = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "email", "firstName", "lastName", "status", "type", "createdAt", "updatedAt", "teams.name", "roles.name",
        "orgMembers.orgId", "orgMembers.status", "orgMembers.lastLoginAt",
    };

    public static JsonObject Write(SimPortUser u, SimEntity? entity, string orgId, IReadOnlySet<string> fields)
    {
        var status = entity is null ? "Active" : (JsonNode.Parse(entity.PropertiesJson)?["status"]?.GetValue<string>() ?? "Active");
        var o = new JsonObject();
        void Put(string name, JsonNode? value)
        {
            if (fields.Contains(name)) o[name] = value;
        }

        Put("id", u.Id);
        Put("email", u.Email);
        Put("firstName", u.FirstName);
        Put("lastName", u.LastName);
        Put("status", status);
        Put("type", "standard");
        Put("createdAt", Iso(u.CreatedAt));
        Put("updatedAt", Iso(u.CreatedAt));
        if (Any(fields, "roles"))
            o["roles"] = new JsonArray(u.Roles.Select(r => (JsonNode)Sub(fields, "roles",
                ("name", r), ("isAdmin", r == "Admin"), ("description", $"{r} role"), ("protected", true))).ToArray());
        if (Any(fields, "teams"))
            o["teams"] = new JsonArray(u.Teams.Select(t => (JsonNode)Sub(fields, "teams", ("name", t), ("provider", "port"))).ToArray());
        if (Any(fields, "orgMembers"))
            o["orgMembers"] = new JsonArray(Sub(fields, "orgMembers",
                ("orgId", orgId), ("status", status), ("lastLoginAt", u.LastLoginAt is { } at ? Iso(at) : null)));
        return o;
    }

    private static bool Any(IReadOnlySet<string> fields, string list) => fields.Any(f => f.StartsWith(list + ".", StringComparison.Ordinal));

    private static JsonObject Sub(IReadOnlySet<string> fields, string list, params (string Name, JsonNode? Value)[] values)
    {
        var o = new JsonObject();
        foreach (var (name, value) in values)
            if (fields.Contains($"{list}.{name}")) o[name] = value;
        return o;
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
