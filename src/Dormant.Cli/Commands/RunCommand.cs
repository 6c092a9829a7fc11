using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;
using Dormant.Core.Plans;

namespace Dormant.Cli.Commands;

/// <summary>The seed scripts' one shot: scan, show, and only with --no-dry-run (and a yes) act.</summary>
public sealed class RunCommand : DormantCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly PolicyOptions _policy = new();
    private readonly StoreOptions _store;
    private readonly BackupOptions _backup = new();
    private readonly ReportOptions _report = new();
    private readonly NoticeOptions _notices = new();
    private readonly Option<bool> _noDryRun = new("--no-dry-run") { Description = "Act on the inactive accounts (default: a dry run)" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask for confirmation" };

    public RunCommand(CliEnvironment env, StoreOptions store) : base("run", "Scan, show and (with --no-dry-run) act in one go", env)
    {
        HelpExamples.Add(this,
            $"dormant run -c {PlatformWording.Example(1)}   # dry run: shows, changes nothing",
            $"dormant run -c {PlatformWording.Example(1)} --no-dry-run --max-actions 20",
            $"dormant run -c {PlatformWording.Example(0)} --no-dry-run --yes --notice-days 14 --notify email   # warn first");
        _policy.WorkingDirectory = env.WorkingDirectory;
        _store = store;
        _connection.AddTo(this);
        _policy.AddTo(this);
        Options.Add(_policy.Approvals);
        Options.Add(_noDryRun);
        Options.Add(_yes);
        Options.Add(_backup.Dir);
        _report.AddTo(this);
        _notices.AddTo(this, hidden: true);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var config = ConfigOptions.Load(parse, ctx);
        var platform = _connection.RequireName(parse);
        var rules = _policy.Resolve(parse, ConnectionOptions.PlatformOf(platform, config), config.Find(platform)?.Policy);
        var act = parse.GetValue(_noDryRun);
        var yes = parse.GetValue(_yes);
        // One person at one prompt cannot be several approvers: the plan must wait for them between plan and apply.
        if (act && rules.Approvals > 0)
            throw new UsageException($"run --no-dry-run cannot wait for the {rules.Approvals} approval{(rules.Approvals == 1 ? "" : "s")} the policy needs; "
                + "use 'dormant plan -o plan.json', then 'dormant approve plan.json' by each approver, then 'dormant apply plan.json'");
        // Refuse before any work when nobody can answer the question we would ask.
        if (act && !yes && !ctx.Env.Interactive)
            throw new UsageException("refusing to ask for confirmation: stdin is not a terminal; pass --yes to proceed without asking");
        var backupDir = _backup.Given(parse, ctx);
        _report.Check(parse, ctx);
        // Checked before the tenant is read: a missing mail server must not cost a scan.
        var notices = act && rules.NoticeDays > 0 ? _notices.Resolve(parse, ctx, config.Notices, rules.Notify) : null;
        using var connected = _connection.Connect(parse, platform, config, ctx);
        using var store = StoreAccess.Open(_store, parse, ctx);
        if (act) await ChainGate.CheckAsync(store, ct);
        var plan = await ScanStep.PlanAsync(ctx, connected, rules, TimeSpan.FromHours(1), ct);
        plan = await Notices.KeepStep.ProtectAsync(ctx, store, plan, ct);
        ScanStep.Render(ctx, plan, connected);
        if (!act || plan.Actions.Count == 0)
        {
            var scanId = await ScanStep.RecordScanAsync(store, ctx, plan, ct);
            await _report.WriteAsync(parse, ctx, store, scanId, null, ct);
            ctx.Say(act ? "nothing to do" : DryRunAdvice(plan, scanId));
            if (!act && plan.Policy.NoticeDays > 0 && plan.Actions.Count > 0)
                ctx.Say($"no notices were sent; with --no-dry-run the accounts without one get it ({plan.Policy.Notify.ToString().ToLowerInvariant()}), and only those noticed {plan.Policy.NoticeDays} days before are acted on");
            if (ctx.Json)
                Rendering.JsonOutput.Write(ctx, "dormant.scan/v1", new { scans = new[] { new { name = platform, runId = scanId, plan.Platform, plan.Tenant, plan.Policy, plan.Counts, plan.Decisions } }, failed = Array.Empty<string>() });
            return ExitCodes.Done;
        }
        Caps.Enforce(plan);
        var backups = _backup.Path(backupDir, _store.Path(parse, ctx), plan, ctx);
        if (notices is not null)
        {
            var warned = await Notices.WarnFirstStep.RunAsync(ctx, connected, store, plan, notices, backups, yes, ct);
            foreach (var runId in new[] { plan.PlanId, "scan-" + plan.PlanId })
                if (await store.GetRunAsync(runId, ct) is not null) { await _report.WriteAsync(parse, ctx, store, runId, null, ct); break; }
            return warned;
        }
        if (!yes && !Confirmation.AskToApply(ctx, plan))
        {
            ctx.Say("nothing done");
            return ExitCodes.Done;
        }
        var digest = await PlanRecords.RecordAsync(store, ctx, plan, null, ct);
        var code = await ApplyStep.RunAsync(ctx, connected, store, plan, digest, backups, "run", ct);
        await _report.WriteAsync(parse, ctx, store, plan.PlanId, null, ct);
        return code;
    }

    /// <summary>Advises only a command that would be accepted: over a cap, it names the refusal and the flag that lifts it.</summary>
    private static string DryRunAdvice(Plan plan, string scanId)
    {
        var done = $"dry run ({scanId}): nothing was changed.";
        if (Caps.Violation(plan) is not { } first)
            return $"{done} Run again with --no-dry-run to {plan.Policy.Action} {plan.Actions.Count} accounts.";
        // Raising the count cap alone may still leave the share cap in the way: name both, or the second refusal surprises.
        var raised = plan with { Policy = plan.Policy with { MaxActions = Math.Max(plan.Policy.MaxActions, plan.Actions.Count) } };
        var second = Caps.Violation(raised);
        return $"{done} --no-dry-run would be refused: {first}" + (second is not null && second != first ? $"; then {second}" : "") + ".";
    }
}
