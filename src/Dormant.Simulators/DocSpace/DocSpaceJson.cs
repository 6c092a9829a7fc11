using System.Text.Json;

namespace Dormant.Simulators.DocSpace;

/// <summary>
/// EmployeeFullDto and LoginEventDto as the server writes them: camelCase, statuses as numbers,
/// dates as ApiDateTime strings, nulls left out.
/// </summary>
internal static class DocSpaceJson
{
    public static void WriteUser(Utf8JsonWriter w, DocSpaceSimUser u, DocSpaceTenant tenant)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id);
        w.WriteString("displayName", u.DisplayName);
        w.WriteString("firstName", u.FirstName);
        w.WriteString("lastName", u.LastName);
        w.WriteString("userName", u.Email.Split('@')[0]);
        w.WriteString("email", u.Email);
        w.WriteString("profileUrl", $"/accounts/view/{u.Email.Split('@')[0]}");
        w.WriteBoolean("hasAvatar", false);
        w.WriteBoolean("isAnonim", false);
        w.WriteNumber("status", u.Status);
        w.WriteNumber("activationStatus", u.ActivationStatus);
        if (u.TerminatedAt is { } t) w.WriteString("terminated", DocSpaceResponses.Date(t, tenant.PortalOffset));
        w.WriteStartArray("groups");
        foreach (var g in u.GroupIds)
        {
            w.WriteStartObject();
            w.WriteString("id", g);
            w.WriteString("name", tenant.Groups.GetValueOrDefault(g, "?"));
            w.WriteString("manager", "");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("isAdmin", u.IsAdmin);
        w.WriteBoolean("isRoomAdmin", u.Type == "RoomAdmin");
        w.WriteBoolean("isLDAP", u.IsLdap);
        w.WriteBoolean("isOwner", u.IsOwner);
        w.WriteBoolean("isVisitor", u.IsGuest);
        w.WriteBoolean("isCollaborator", u.Type == "User");
        w.WriteString("cultureName", "en-US");
        w.WriteNumber("mobilePhoneActivationStatus", 0);
        w.WriteBoolean("isSSO", false);
        w.WriteNumber("quotaLimit", -1);
        w.WriteNumber("usedSpace", 0);
        w.WriteString("registrationDate", DocSpaceResponses.Date(u.RegistrationDate, tenant.PortalOffset));
        w.WriteBoolean("hasPersonalFolder", !u.IsGuest);
        w.WriteBoolean("tfaAppEnabled", false);
        w.WriteEndObject();
    }

    public static void WriteEvent(Utf8JsonWriter w, DocSpaceSimLoginEvent e, TimeSpan portalOffset)
    {
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        w.WriteString("date", DocSpaceResponses.Date(e.Date, portalOffset));
        w.WriteString("user", e.User);
        w.WriteString("userId", e.UserId);
        w.WriteString("login", e.Login);
        w.WriteString("action", DocSpaceActions.Text(e.ActionId));
        w.WriteNumber("actionId", e.ActionId);
        w.WriteString("ip", e.Ip);
        w.WriteString("browser", e.Browser);
        w.WriteString("platform", "Windows 10");
        w.WriteString("page", "/");
        w.WriteEndObject();
    }
}
