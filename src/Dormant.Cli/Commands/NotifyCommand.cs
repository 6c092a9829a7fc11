using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Notices;
using Dormant.Cli.Options;
using Dormant.Core.Errors;
using Dormant.Core.Plans;

namespace Dormant.Cli.Commands;

/// <summary>Warns each planned account before anything is done to it; a second run sends only what was not delivered.</summary>
public sealed class NotifyCommand : DormantCommand
{
    private readonly StoreOptions _store;
    private readonly NoticeOptions _notices = new();
    private readonly Argument<string> _plan = new("plan") { Description = "Plan file made by 'dormant plan' with --notice-days and --notify" };

    public NotifyCommand(CliEnvironment env, StoreOptions store) : base("notify", "Send the notices of a plan: who, what, and the date (email and/or Slack)", env)
    {
        HelpExamples.Add(this,
            "dormant notify plan.json --smtp-host mail.example.com --smtp-from it@example.com",
            "dormant notify plan.json --smtp-tls tls --smtp-user dormant   # password: DORMANT_SMTP_PASSWORD");
        _store = store;
        Arguments.Add(_plan);
        _notices.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var file = Path.GetFullPath(parse.GetValue(_plan)!, ctx.Env.WorkingDirectory);
        var named = PlanFile.Read(file);
        StoreAccess.Check(_store, parse, ctx);
        using var store = StoreAccess.Open(_store, parse, ctx);
        var (_, plan, _) = await PlanRecords.VouchedAsync(store, ctx, named, file, ct);
        if (plan.Policy.NoticeDays <= 0)
            throw new UsageException($"plan {plan.PlanId} gives no notice (notice-days 0); make it with --notice-days N --notify email|slack to warn first");
        if (ctx.Clock.GetUtcNow() >= plan.ExpiresAt)
            throw new UsageException($"plan {plan.PlanId} expired at {plan.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z; make a new plan");
        var settings = _notices.Resolve(parse, ctx, ConfigOptions.Load(parse, ctx).Notices, plan.Policy.Notify);
        var tally = await NoticeStep.SendAsync(ctx, store, plan, settings, ct);
        ctx.Text.WriteLine($"plan {plan.PlanId}: notices {tally.Summary}");
        if (tally.Sent > 0)
            ctx.Say($"the first of them may be acted on from {NoticeGateDay(ctx, plan)}: dormant apply {parse.GetValue(_plan)}");
        if (tally.Failed > 0) ctx.Say("fix what the lines above say, then run the same notify again: it sends only what was not delivered");
        if (ctx.Json)
            Rendering.JsonOutput.Write(ctx, "dormant.notify/v1", new { plan.PlanId, tally.Sent, sentBefore = tally.Already, tally.Failed,
                failures = tally.Failures.Select(f => new { account = f.Label, channel = f.Channel, detail = f.Detail }) });
        return tally.ExitCode;
    }

    private static string NoticeGateDay(CliContext ctx, Plan plan) =>
        Dormant.Core.Notices.NoticeGate.DueOn(ctx.Clock.GetUtcNow(), plan.Policy.NoticeDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
