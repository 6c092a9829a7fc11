using System.Globalization;
using Dormant.Cli.Rendering;
using Dormant.Core.Errors;
using Dormant.Core.Plans;

namespace Dormant.Cli.Infrastructure;

public static class Confirmation
{
    private const int Shown = 10;

    /// <summary>Asks [y/N]; refuses to ask anyone who cannot answer (a pipe, CI) instead of guessing.</summary>
    public static bool Ask(CliContext ctx, string question)
    {
        if (!ctx.Env.Interactive)
            throw new UsageException("refusing to ask for confirmation: stdin is not a terminal; pass --yes to proceed without asking");
        ctx.Error.Write($"{question} [y/N] ");
        ctx.Error.Flush();
        var answer = ctx.Env.In.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A yes is only worth something when the person saw what it says yes to: the tenant (a second
    /// tenant of the same platform looks alike), whom, and whether the plan is a stale one.
    /// </summary>
    public static bool AskToApply(CliContext ctx, Plan plan) => Ask(ctx, Question(plan, ctx.Clock.GetUtcNow()));

    public static string Question(Plan plan, DateTimeOffset now)
    {
        var lines = new List<string> { $"{plan.Policy.Action} {plan.Actions.Count} accounts on {plan.Platform} {TerminalText.Escape(plan.Tenant)}:" };
        lines.AddRange(plan.Actions.Take(Shown).Select(a => $"  {TerminalText.Escape(a.Label)} ({TerminalText.Escape(a.AccountId)})"));
        if (plan.Actions.Count > Shown) lines.Add($"  and {plan.Actions.Count - Shown} more");
        var expiry = plan.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        lines.Add($"plan {plan.PlanId} made {Span(now - plan.CreatedAt)} ago, expires {expiry} UTC (in {Span(plan.ExpiresAt - now)})");
        lines.Add("Go ahead?");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Whole minutes, hours and days, the zero parts left out: "2 h 5 min", "21 h", "0 min".</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days} d");
        if (span.Hours > 0) parts.Add($"{span.Hours} h");
        if (span.Minutes > 0 || parts.Count == 0) parts.Add($"{span.Minutes} min");
        return string.Join(' ', parts);
    }
}
