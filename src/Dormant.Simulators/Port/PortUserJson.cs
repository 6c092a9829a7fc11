using System.Globalization;
using System.Text.Json;

namespace Dormant.Simulators.Port;

/// <summary>
/// A user as GET /v1/users writes it, restricted to the requested <c>fields</c> (the allowed values
/// of PORT-SPEC; nested ones like <c>orgMembers.lastLoginAt</c> select inside lists). Written
/// straight to a <see cref="Utf8JsonWriter"/>, the selection decided once per request.
/// </summary>
internal sealed class PortUserJson(IReadOnlySet<string> fields)
{
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "email", "firstName", "isInvisible", "lastName", "picture", "status", "supportLevel", "type", "providers",
        "createdAt", "updatedAt", "teams.name", "teams.provider", "teams.createdAt", "teams.updatedAt", "roles.name",
        "roles.description", "roles.isAdmin", "roles.protected", "roles.createdAt", "roles.updatedAt", "orgMembers.orgId",
        "orgMembers.status", "orgMembers.lastLoginAt",
    };

    /// <summary>
    /// Without fields Port answers its default shape. The spec does not say which fields that is;
    /// the simulator leaves out everything optional, the last login included, so a client that
    /// forgets to ask for orgMembers.lastLoginAt gets no activity data instead of passing by luck.
    /// </summary>
    public static readonly IReadOnlySet<string> Default = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "email", "firstName", "lastName", "status", "type", "createdAt", "updatedAt",
    };

    private readonly bool _id = fields.Contains("id"), _email = fields.Contains("email"), _firstName = fields.Contains("firstName"),
        _lastName = fields.Contains("lastName"), _status = fields.Contains("status"), _type = fields.Contains("type"),
        _createdAt = fields.Contains("createdAt"), _updatedAt = fields.Contains("updatedAt");

    private readonly bool _roles = Any(fields, "roles"), _roleName = fields.Contains("roles.name"), _roleIsAdmin = fields.Contains("roles.isAdmin"),
        _roleDescription = fields.Contains("roles.description"), _roleProtected = fields.Contains("roles.protected");

    private readonly bool _teams = Any(fields, "teams"), _teamName = fields.Contains("teams.name"), _teamProvider = fields.Contains("teams.provider");

    private readonly bool _members = Any(fields, "orgMembers"), _memberOrgId = fields.Contains("orgMembers.orgId"),
        _memberStatus = fields.Contains("orgMembers.status"), _memberLastLogin = fields.Contains("orgMembers.lastLoginAt");

    /// <summary>The user's status is its `_user` entity's (Active without one or without a status).</summary>
    public static string StatusOf(SimEntity? entity) => entity?.Status ?? "Active";

    /// <param name="teamsIdentifiers">GET one user also lists the user's team identifiers, whatever the fields.</param>
    public void Write(Utf8JsonWriter w, SimPortUser u, string status, string orgId, bool teamsIdentifiers = false)
    {
        w.WriteStartObject();
        if (_id) w.WriteString("id", u.Id);
        if (_email) w.WriteString("email", u.Email);
        if (_firstName) w.WriteString("firstName", u.FirstName);
        if (_lastName) w.WriteString("lastName", u.LastName);
        if (_status) w.WriteString("status", status);
        if (_type) w.WriteString("type", "standard");
        if (_createdAt) WriteIso(w, "createdAt", u.CreatedAt);
        if (_updatedAt) WriteIso(w, "updatedAt", u.CreatedAt);
        if (_roles)
        {
            w.WriteStartArray("roles");
            foreach (var r in u.Roles)
            {
                w.WriteStartObject();
                if (_roleName) w.WriteString("name", r);
                if (_roleIsAdmin) w.WriteBoolean("isAdmin", r == "Admin");
                if (_roleDescription) w.WriteString("description", $"{r} role");
                if (_roleProtected) w.WriteBoolean("protected", true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (_teams)
        {
            w.WriteStartArray("teams");
            foreach (var t in u.Teams)
            {
                w.WriteStartObject();
                if (_teamName) w.WriteString("name", t);
                if (_teamProvider) w.WriteString("provider", "port");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (_members)
        {
            w.WriteStartArray("orgMembers");
            w.WriteStartObject();
            if (_memberOrgId) w.WriteString("orgId", orgId);
            if (_memberStatus) w.WriteString("status", status);
            if (_memberLastLogin)
            {
                if (u.LastLoginAt is { } at) WriteIso(w, "lastLoginAt", at);
                else w.WriteNull("lastLoginAt");
            }
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (teamsIdentifiers)
        {
            w.WriteStartArray("teamsIdentifiers");
            foreach (var t in u.Teams) w.WriteStringValue(t);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static bool Any(IReadOnlySet<string> fields, string list) => fields.Any(f => f.StartsWith(list + ".", StringComparison.Ordinal));

    /// <summary>
    /// UTC to the millisecond, as "yyyy-MM-dd'T'HH:mm:ss.fff'Z'": the round-trip format's first 23
    /// characters (it truncates the fraction the same way) and a Z. Three per user made a custom
    /// format string the listing's biggest cost.
    /// </summary>
    private static void WriteIso(Utf8JsonWriter w, string name, DateTimeOffset at)
    {
        Span<byte> text = stackalloc byte[33];
        if (!at.UtcDateTime.TryFormat(text, out _, "O", CultureInfo.InvariantCulture)) throw new FormatException($"cannot write {at}");
        text[23] = (byte)'Z';
        w.WriteString(name, text[..24]);
    }
}
