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
    private readonly Option<bool> _noDryRun = new("--no-dry-run") { Description = "Act on the inactive accounts (default: dry run, nothing changes)" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask for confirmation" };

    public RunCommand(CliEnvironment env, StoreOptions store) : base("run", "Scan, show and (with --no-dry-run) act in one go", env)
    {
        _store = store;
        _connection.AddTo(this);
        _policy.AddTo(this);
        Options.Add(_noDryRun);
        Options.Add(_yes);
        Options.Add(_backup.Dir);
        _report.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var config = ConfigOptions.Load(parse, ctx);
        var platform = _connection.RequireName(parse);
        var rules = _policy.Resolve(parse, ConnectionOptions.PlatformOf(platform, config), config.Find(platform)?.Policy);
        var act = parse.GetValue(_noDryRun);
        var yes = parse.GetValue(_yes);
        // Refuse before any work when nobody can answer the question we would ask.
        if (act && !yes && !ctx.Env.Interactive)
            throw new UsageException("refusing to ask for confirmation: stdin is not a terminal; pass --yes to proceed without asking");
        var backupDir = _backup.Given(parse, ctx);
        _report.Check(parse, ctx);
        using var connected = _connection.Connect(parse, platform, config, ctx);
        using var store = StoreAccess.Open(_store, parse, ctx);
        var plan = await ScanStep.PlanAsync(ctx, connected, rules, TimeSpan.FromHours(1), ct);
        ScanStep.Render(ctx, plan);
        if (!act || plan.Actions.Count == 0)
        {
            var scanId = await ScanStep.RecordScanAsync(store, ctx, plan, ct);
            await _report.WriteAsync(parse, ctx, store, scanId, null, ct);
            ctx.Say(act ? "nothing to do" : $"dry run ({scanId}): nothing was changed. Run again with --no-dry-run to {rules.Action} {plan.Actions.Count} accounts.");
            if (ctx.Json)
                Rendering.JsonOutput.Write(ctx, "dormant.scan/v1", new { scans = new[] { new { name = platform, runId = scanId, plan.Platform, plan.Tenant, plan.Policy, plan.Counts, plan.Decisions } }, failed = Array.Empty<string>() });
            return ExitCodes.Done;
        }
        Caps.Enforce(plan);
        var backups = _backup.Path(backupDir, _store.Path(parse, ctx), plan, ctx);
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
}
