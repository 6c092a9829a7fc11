using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Apply;
using Dormant.Core.Errors;
using Dormant.Core.Plans;

namespace Dormant.Cli.Commands;

/// <summary>Does exactly what a recorded plan says, journaled; running it again finishes an interrupted run.</summary>
public sealed class ApplyCommand : DormantCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly StoreOptions _store;
    private readonly BackupOptions _backup = new();
    private readonly ReportOptions _report = new();
    private readonly Argument<string> _plan = new("plan") { Description = "Plan file or plan id made by 'dormant plan'" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask for confirmation" };

    public ApplyCommand(CliEnvironment env, StoreOptions store) : base("apply", "Apply a plan, by file or id (asks unless --yes)", env)
    {
        HelpExamples.Add(this,
            "dormant apply plan.json",
            "dormant apply plan.json --yes --backup-dir backups",
            "dormant apply 20261202-031956-4012ab --store postgres://ann@db.example.com/dormant");
        _store = store;
        Arguments.Add(_plan);
        _connection.AddTo(this);
        Options.Add(_yes);
        Options.Add(_backup.Dir);
        _report.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var given = parse.GetValue(_plan)!;
        var file = Path.GetFullPath(given, ctx.Env.WorkingDirectory);
        // A file is read (and refused if bad) before anything else; an id is looked up in the store, so a
        // teammate on a shared store applies the plan without a copy of the file.
        (Plan Plan, string Digest)? named = File.Exists(file) || !NamedPlan.LooksLikeId(given) ? PlanFile.Read(file) : null;
        var backupDir = _backup.Given(parse, ctx);
        _report.Check(parse, ctx);
        StoreAccess.Check(_store, parse, ctx);
        // The file only names the plan: what is applied is the store's copy, found before any vendor is asked anything.
        using var store = StoreAccess.Open(_store, parse, ctx);
        await ChainGate.CheckAsync(store, ct);
        var (digest, plan, _) = named is { } read
            ? await PlanRecords.VouchedAsync(store, ctx, read, file, ct)
            : await NamedPlan.FindAsync(store, ctx, given, ct);
        await PlanGate.CheckNotRestoredAsync(store, plan.PlanId, ct);
        await ApprovalGate.CheckAsync(store, plan, digest, ct);
        var backups = _backup.Path(backupDir, _store.Path(parse, ctx), plan, ctx);
        using var connected = _connection.Connect(parse, _connection.Name(parse) ?? plan.Platform, ConfigOptions.Load(parse, ctx), ctx);
        PlanGate.Check(plan, connected.Connector, ctx.Clock.GetUtcNow());
        if (plan.Actions.Count == 0)
        {
            ctx.Text.WriteLine($"plan {plan.PlanId} has nothing to do");
            return ExitCodes.Done;
        }
        // With a notice period only the accounts whose grace has passed are handed to the engine; the rest wait in the plan.
        var due = await Notices.GraceStep.DueAsync(ctx, store, plan, ct);
        if (due.Actions.Count == 0)
        {
            ctx.Text.WriteLine($"plan {plan.PlanId}: nothing is due today");
            return ExitCodes.Done;
        }
        if (!parse.GetValue(_yes) && !Confirmation.AskToApply(ctx, due))
        {
            ctx.Say("nothing done");
            return ExitCodes.Done;
        }
        var code = await ApplyStep.RunAsync(ctx, connected, store, due, digest, backups, "apply", ct);
        await Notices.GraceStep.SettleAsync(ctx, store, due);
        await _report.WriteAsync(parse, ctx, store, plan.PlanId, null, ct);
        return code;
    }
}
