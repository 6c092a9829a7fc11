using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.GitHub;

/// <summary>The simple-user, copilot-seat-details, org-membership and audit-log-event shapes (docs/vendors/github.md §4–§6).</summary>
internal static class GitHubJson
{
    public static void WriteUser(Utf8JsonWriter w, HttpContext context, string login, long id, string type)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}";
        w.WriteStartObject();
        w.WriteString("login", login);
        w.WriteNumber("id", id);
        w.WriteString("node_id", "U_" + id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("avatar_url", $"https://avatars.githubusercontent.com/u/{id}?v=4");
        w.WriteString("url", $"{root}/users/{login}");
        w.WriteString("html_url", $"https://github.com/{login}");
        w.WriteString("type", type);
        w.WriteBoolean("site_admin", false);
        w.WriteEndObject();
    }

    public static void WriteMember(Utf8JsonWriter w, HttpContext context, SimGitHubUser m) => WriteUser(w, context, m.Login, m.Id, m.Type);

    public static void WriteSeat(Utf8JsonWriter w, HttpContext context, GitHubTenant tenant, SimSeat s)
    {
        var member = tenant.Member(s.Login);
        w.WriteStartObject();
        w.WritePropertyName("assignee");
        WriteUser(w, context, s.Login, member?.Id ?? 0, member?.Type ?? "User");
        if (s.Team is { } slug)
        {
            w.WriteStartObject("assigning_team");
            w.WriteNumber("id", Math.Abs(slug.GetHashCode(StringComparison.Ordinal)) % 100000);
            w.WriteString("name", tenant.Teams.GetValueOrDefault(slug, slug));
            w.WriteString("slug", slug);
            w.WriteString("privacy", "closed");
            w.WriteEndObject();
        }
        else w.WriteNull("assigning_team");
        if (s.PendingCancellation is { } d) w.WriteString("pending_cancellation_date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else w.WriteNull("pending_cancellation_date");
        Optional(w, "last_activity_at", s.LastActivityAt);
        if (s.LastActivityEditor is { } editor) w.WriteString("last_activity_editor", editor);
        else w.WriteNull("last_activity_editor");
        Optional(w, "last_authenticated_at", s.LastAuthenticatedAt);
        w.WriteString("created_at", GitHubResponses.Time(s.CreatedAt));
        w.WriteString("plan_type", "business");
        w.WriteEndObject();
    }

    public static void WriteMembership(Utf8JsonWriter w, HttpContext context, GitHubTenant tenant, SimGitHubUser m)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}";
        w.WriteStartObject();
        w.WriteString("url", $"{root}/orgs/{tenant.Org}/memberships/{m.Login}");
        w.WriteString("state", m.State);
        w.WriteString("role", m.Role);
        w.WriteBoolean("direct_membership", true);
        w.WriteString("organization_url", $"{root}/orgs/{tenant.Org}");
        w.WriteStartObject("organization");
        w.WriteString("login", tenant.Org);
        w.WriteNumber("id", tenant.OrgId);
        w.WriteEndObject();
        w.WritePropertyName("user");
        WriteMember(w, context, m);
        w.WriteEndObject();
    }

    /// <summary>Times in UTC epoch milliseconds, as the audit log writes them.</summary>
    public static void WriteEvent(Utf8JsonWriter w, GitHubTenant tenant, SimAuditEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("@timestamp", e.At.ToUnixTimeMilliseconds());
        w.WriteString("_document_id", e.DocumentId);
        w.WriteString("action", e.Action);
        w.WriteString("actor", e.Actor);
        if (tenant.Member(e.Actor) is { } actor) w.WriteNumber("actor_id", actor.Id);
        w.WriteNumber("created_at", e.At.ToUnixTimeMilliseconds());
        w.WriteString("org", tenant.Org);
        w.WriteNumber("org_id", tenant.OrgId);
        if (e.User is { } user) w.WriteString("user", user);
        w.WriteStartObject("actor_location");
        w.WriteString("country_code", "DE");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, DateTimeOffset? at)
    {
        if (at is { } t) w.WriteString(name, GitHubResponses.Time(t));
        else w.WriteNull(name);
    }
}
