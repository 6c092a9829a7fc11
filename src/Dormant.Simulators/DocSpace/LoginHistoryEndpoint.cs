using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.DocSpace;

/// <summary>
/// GET security/audit/login/filter and login/last, with the server's quirks (api-contracts.md §3.4):
/// events are ordered newest first and paged BEFORE userId/action/from/to are applied, so a
/// filtered page is thinned, not narrowed; action=0 means no action filter; without the Audit
/// feature every call answers the last 20 events of everyone, whatever was asked.
/// </summary>
internal sealed partial class LoginHistoryEndpoint(DocSpaceTenant tenant)
{
    private const int LastCount = 20;

    public async Task FilterAsync(HttpContext context)
    {
        if (!await DocSpaceGate.AllowAsync(context, tenant)) return;
        if (!tenant.AuditAvailable)
        {
            await WriteAsync(context, tenant.KeptEvents.Take(LastCount).ToList());
            return;
        }
        // LoginEventRequestDto (api-contracts §3.4).
        if (!await DocSpaceGate.KnownQueryAsync(context, "userId", "action", "from", "to", "count", "startIndex")
            || await DocSpaceGate.PagingAsync(context) is not var (count, start)) return;
        var q = context.Request.Query;
        Guid? user = null;
        int? action = null;
        if (q.TryGetValue("userId", out var u) && !string.IsNullOrEmpty(u))
        {
            if (!Guid.TryParse(u, out var id)) { await DocSpaceGate.InvalidAsync(context, "userId", $"The value '{u}' is not valid for userId."); return; }
            user = id;
        }
        if (q.TryGetValue("action", out var a) && !string.IsNullOrEmpty(a))
        {
            if (!int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)) { await DocSpaceGate.InvalidAsync(context, "action", $"The value '{a}' is not valid for action."); return; }
            action = code is 0 or -1 ? null : code; // 0 is rewritten to MessageAction.None: no filter
        }
        var (fromOk, from) = await DateAsync(context, "from");
        if (!fromOk) return;
        var (toOk, to) = await DateAsync(context, "to");
        if (!toOk) return;
        var page = tenant.KeptEvents.Skip(start).Take(count)
            .Where(e => (user is null || e.UserId == user) && (action is null || e.ActionId == action)
                && (from is null || e.Date >= from) && (to is null || e.Date <= to))
            .ToList();
        await WriteAsync(context, page);
    }

    public async Task LastAsync(HttpContext context)
    {
        if (!await DocSpaceGate.AllowAsync(context, tenant) || !await DocSpaceGate.KnownQueryAsync(context)) return;
        await WriteAsync(context, tenant.KeptEvents.Take(LastCount).ToList());
    }

    /// <summary>GET security/audit/settings/lifetime (TenantAuditSettings): days kept, per history.</summary>
    public async Task LifetimeAsync(HttpContext context)
    {
        if (!await DocSpaceGate.AllowAsync(context, tenant) || !await DocSpaceGate.KnownQueryAsync(context)) return;
        await DocSpaceResponses.OkAsync(context, 1, null, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("loginHistoryLifeTime", tenant.LoginHistoryLifetimeDays);
            w.WriteNumber("auditTrailLifeTime", 180);
            var changed = tenant.LoginHistorySettingChanged ?? tenant.Clock.GetUtcNow().AddDays(-400);
            w.WriteString("lastModified", DocSpaceResponses.Date(changed, tenant.PortalOffset));
            w.WriteEndObject();
        });
    }

    private Task WriteAsync(HttpContext context, List<DocSpaceSimLoginEvent> events) =>
        DocSpaceResponses.OkAsync(context, events.Count, null, w =>
        {
            w.WriteStartArray();
            foreach (var e in events) DocSpaceJson.WriteEvent(w, e, tenant.PortalOffset);
            w.WriteEndArray();
        });

    /// <summary>
    /// Query dates go through Parse(s, null): no tenant zone, so a value without an offset likely
    /// does not bind (UNCERTAIN in §3.1); the simulator answers that as the model-validation 400.
    /// An unescaped '+' arrives as a space and is refused the same way.
    /// </summary>
    private static async Task<(bool Ok, DateTimeOffset? At)> DateAsync(HttpContext context, string name)
    {
        var value = context.Request.Query[name].ToString();
        if (TryDate(value, out var at)) return (true, at);
        await DocSpaceGate.InvalidAsync(context, name, $"The value '{value}' is not valid for {name}: an ApiDateTime needs Z or an offset such as +05:30.");
        return (false, null);
    }

    private static bool TryDate(string? value, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (!Offset().IsMatch(value)) return false;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        at = parsed;
        return true;
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();
}
