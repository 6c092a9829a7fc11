using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.GitHub;

/// <summary>The Copilot user-management routes of an organization (docs/vendors/github.md §4).</summary>
internal sealed class CopilotEndpoints(GitHubGate gate)
{
    private GitHubTenant Tenant => gate.Tenant;

    public async Task BillingAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context)) return;
        var seats = Tenant.Seats;
        var now = Tenant.Clock.GetUtcNow();
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("seat_breakdown");
            w.WriteNumber("total", seats.Count);
            w.WriteNumber("added_this_cycle", seats.Count(s => s.CreatedAt > now.AddDays(-now.Day)));
            w.WriteNumber("pending_invitation", 0);
            w.WriteNumber("pending_cancellation", seats.Count(s => s.PendingCancellation is not null));
            w.WriteNumber("active_this_cycle", seats.Count(s => s.LastActivityAt > now.AddDays(-now.Day)));
            w.WriteNumber("inactive_this_cycle", seats.Count(s => !(s.LastActivityAt > now.AddDays(-now.Day))));
            w.WriteEndObject();
            w.WriteString("seat_management_setting", Tenant.SeatManagement);
            w.WriteString("public_code_suggestions", "block");
            w.WriteString("ide_chat", "enabled");
            w.WriteString("platform_chat", "enabled");
            w.WriteString("cli", "enabled");
            w.WriteString("plan_type", "business");
            w.WriteEndObject();
        });
    }

    public async Task SeatsAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context, "per_page", "page") || await GitHubGate.PagingAsync(context) is not var (perPage, page)) return;
        var seats = Tenant.Seats;
        var slice = seats.Skip((page - 1) * perPage).Take(perPage).ToList();
        GitHubResponses.PageLinks(context, page, perPage, seats.Count);
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total_seats", seats.Count);
            w.WriteStartArray("seats");
            foreach (var s in slice) GitHubJson.WriteSeat(w, context, Tenant, s);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>GET /orgs/{org}/members/{username}/copilot: 404 when the user holds no seat.</summary>
    public async Task SeatAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context)) return;
        var login = (string)context.Request.RouteValues["username"]!;
        if (Tenant.Seat(login) is not { } seat)
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w => GitHubJson.WriteSeat(w, context, Tenant, seat));
    }

    public Task CancelAsync(HttpContext context) => ChangeAsync(context, cancel: true);

    public Task AddAsync(HttpContext context) => ChangeAsync(context, cancel: false);

    private async Task ChangeAsync(HttpContext context, bool cancel)
    {
        if (!await gate.AllowAsync(context) || await UsernamesAsync(context) is not { } logins) return;
        var (count, refusal) = cancel ? Tenant.CancelSeats(logins) : Tenant.AddSeats(logins);
        if (refusal is not null)
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, refusal,
                "https://docs.github.com/rest/copilot/copilot-user-management");
            return;
        }
        await GitHubResponses.JsonAsync(context, cancel ? StatusCodes.Status200OK : StatusCodes.Status201Created, w =>
        {
            w.WriteStartObject();
            w.WriteNumber(cancel ? "seats_cancelled" : "seats_created", count);
            w.WriteEndObject();
        });
    }

    /// <summary>{"selected_usernames": [string, …]} with at least one non-empty name and nothing else.</summary>
    private static async Task<List<string>?> UsernamesAsync(HttpContext context)
    {
        using var doc = await GitHubGate.BodyAsync(context, "selected_usernames");
        if (doc is null) return null;
        var list = doc.RootElement.GetProperty("selected_usernames");
        if (list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            && list.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0))
            return list.EnumerateArray().Select(e => e.GetString()!).ToList();
        await GitHubResponses.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity,
            "Invalid request.\n\nFor 'selected_usernames', a non-empty array of usernames is required.");
        return null;
    }
}
