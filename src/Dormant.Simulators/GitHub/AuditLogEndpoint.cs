using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.GitHub;

/// <summary>
/// GET /orgs/{org}/audit-log (docs §6): Enterprise Cloud only (404 otherwise); newest first unless
/// order=asc; web events by default, Git events with include=git|all and only for seven days; the
/// last three months unless phrase says created:>=DATE (or created:>DATE); actor:LOGIN keeps that
/// user's events (the per-user query of the seed scripts); cursor pages whose next link carries
/// after=. Other phrase qualifiers are not modelled and answered 422, so a client leaning on one
/// fails here instead of against GitHub. Over the log's own hourly limit (<see cref="AuditQueryLimit"/>)
/// it answers 403 as a secondary limit without retry-after: GitHub documents only "403 and 429", not
/// the body or a header (docs §3), and that is the answer that leaves a client the least to go on.
/// </summary>
internal sealed partial class AuditLogEndpoint(GitHubGate gate)
{
    private readonly AuditQueryLimit _limit = new(gate.Tenant);

    private GitHubTenant Tenant => gate.Tenant;

    public async Task HandleAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context, "phrase", "include", "after", "before", "order", "per_page", "page")) return;
        if (!Tenant.EnterpriseCloud)
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found",
                "https://docs.github.com/rest/orgs/orgs#get-the-audit-log-for-an-organization");
            return;
        }
        if (!_limit.TryTake(context.Request.Headers.Authorization.ToString()))
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status403Forbidden, GitHubResponses.SecondaryLimitMessage, GitHubResponses.SecondaryLimitDocs);
            return;
        }
        if (await GitHubGate.PagingAsync(context) is not var (perPage, page)) return;
        var q = context.Request.Query;
        var include = q["include"].ToString() is { Length: > 0 } i ? i : "web";
        var order = q["order"].ToString() is { Length: > 0 } o ? o : "desc";
        if (include is not ("web" or "git" or "all") || order is not ("desc" or "asc") || q["before"].ToString().Length > 0)
        {
            await GitHubResponses.InvalidAsync(context, "include", "include is web, git or all; order is desc or asc; before= is not modelled");
            return;
        }
        if (Phrase(q["phrase"].ToString()) is not { } since)
        {
            await GitHubResponses.InvalidAsync(context, "phrase", "the simulator models only created:>=DATE, created:>DATE and actor:LOGIN, each at most once");
            return;
        }
        var from = since.At ?? Tenant.Clock.GetUtcNow().AddDays(-90);
        IEnumerable<SimAuditEvent> events = Tenant.KeptEvents
            .Where(e => (include == "all" || (include == "git") == e.IsGit) && (since.Inclusive ? e.At >= from : e.At > from)
                && (since.Actor is null || string.Equals(e.Actor, since.Actor, StringComparison.OrdinalIgnoreCase)));
        events = order == "desc"
            ? events.OrderByDescending(e => e.At).ThenByDescending(e => e.DocumentId, StringComparer.Ordinal)
            : events.OrderBy(e => e.At).ThenBy(e => e.DocumentId, StringComparer.Ordinal);
        var all = events.ToList();
        var start = 0;
        if (q["after"].ToString() is { Length: > 0 } cursor)
        {
            var key = Decode(cursor);
            var at = key is null ? -1 : all.FindIndex(e => e.DocumentId == key);
            if (at < 0) { await GitHubResponses.InvalidAsync(context, "after", "unknown cursor"); return; }
            start = at + 1;
        }
        else start = (page - 1) * perPage;
        var slice = all.Skip(start).Take(perPage).ToList();
        if (start + slice.Count < all.Count && slice.Count > 0)
            context.Response.Headers["Link"] = $"<{GitHubResponses.With(context, "after", Encode(slice[^1].DocumentId))}>; rel=\"next\"";
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartArray();
            foreach (var e in slice) GitHubJson.WriteEvent(w, Tenant, e);
            w.WriteEndArray();
        });
    }

    /// <summary>
    /// The created and actor qualifiers of a phrase (space-separated, each at most once); At null
    /// without created, Actor null without actor; null when the phrase holds anything else.
    /// </summary>
    private static (DateTimeOffset? At, bool Inclusive, string? Actor)? Phrase(string phrase)
    {
        (DateTimeOffset? At, bool Inclusive, string? Actor) result = (null, true, null);
        foreach (var term in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (term.StartsWith("actor:", StringComparison.Ordinal) && term.Length > 6 && result.Actor is null)
            {
                result.Actor = term[6..];
                continue;
            }
            var m = Created().Match(term);
            if (result.At is not null || !m.Success || !DateTimeOffset.TryParse(m.Groups["at"].Value, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return null;
            result = (at, m.Groups["op"].Value == ">=", result.Actor);
        }
        return result;
    }

    private static string Encode(string id) => Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor|" + id));

    private static string? Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("cursor|", StringComparison.Ordinal) ? text[7..] : null;
        }
        catch (FormatException) { return null; }
    }

    [GeneratedRegex(@"^created:(?<op>>=|>)(?<at>\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)$")]
    private static partial Regex Created();
}
