using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Cli.Rendering;
using Dormant.Core.Apply;
using Dormant.Core.Backups;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>Undoes an applied run, or chosen accounts of it, from the store or from its backup folder alone.</summary>
public sealed class RestoreCommand : DormantCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly StoreOptions _store;
    private readonly Argument<string?> _run = new("run-id") { Description = "The run to undo (see 'dormant runs')", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string[]> _accounts = new("--account", "-a") { Description = "Only these accounts (id or email; repeatable)" };
    private readonly Option<string?> _fromBackups = new("--from-backups")
    {
        Description = "Undo the run whose backup folder this is (BACKUP-DIR/RUN-ID, holding manifest.json), without its store record",
    };

    public RestoreCommand(CliEnvironment env, StoreOptions store) : base("restore", "Undo a run from its journal and backups", env)
    {
        HelpExamples.Add(this,
            "dormant restore RUN-ID",
            "dormant restore RUN-ID --account alice@example.com");
        _store = store;
        Arguments.Add(_run);
        _connection.AddTo(this);
        Options.Add(_accounts);
        Options.Add(_fromBackups);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var runId = parse.GetValue(_run);
        var folder = parse.GetValue(_fromBackups) is { } dir ? Path.GetFullPath(dir, ctx.Env.WorkingDirectory) : null;
        if ((runId is null) == (folder is null))
            throw new UsageException("restore takes a RUN-ID or --from-backups DIR (one of them); see 'dormant runs'");
        var only = parse.GetValue(_accounts) ?? [];
        using var store = StoreAccess.Open(_store, parse, ctx);
        await ChainGate.CheckAsync(store, ct);
        ApplyResult result;
        string platform;
        if (folder is not null)
        {
            var manifest = await ManifestFile.ReadAsync(folder, ct)
                ?? throw new UsageException($"no {BackupManifest.FileName} in {folder}; pass the run's own folder inside the backup directory");
            using var connected = _connection.Connect(parse, _connection.Name(parse) ?? manifest.Platform, ConfigOptions.Load(parse, ctx), ctx);
            platform = connected.Connector.Platform;
            var engine = new BackupRestore(connected.Connector, connected.Actor, store, ctx.Clock);
            result = await WithProgress(ctx, only.Length > 0 ? only.Length : manifest.Accounts.Count, p => engine.RestoreAsync(folder, manifest, only, ctx.Env.RunBy, p, ct));
        }
        else
        {
            var run = await store.GetRunAsync(runId!, ct)
                ?? throw new UsageException($"no run {runId} in {store.Location}; list runs with 'dormant runs', or restore with --from-backups BACKUP-DIR/{runId}");
            using var connected = _connection.Connect(parse, _connection.Name(parse) ?? run.Platform, ConfigOptions.Load(parse, ctx), ctx);
            platform = connected.Connector.Platform;
            var engine = new RestoreEngine(connected.Connector, connected.Actor, store, ctx.Clock, connected.Source);
            // The engine undoes every account the run touched (or the ones named): that is the bar's total.
            var touched = only.Length > 0 ? only.Length : (await store.GetJournalAsync(runId!, ct))
                .Where(e => e.Phase is Core.Store.JournalPhase.Intent or Core.Store.JournalPhase.Done).Select(e => e.AccountId).Distinct().Count();
            result = await WithProgress(ctx, touched, p => engine.RestoreAsync(runId!, only, ctx.Env.RunBy, p, ct));
        }
        if (result.Interrupted)
            ctx.Say($"cancelled after {result.Outcomes.Count} of {result.Planned} accounts; the journal holds what was restored — "
                + $"finish with: dormant restore {runId ?? "--from-backups " + folder}");
        OutcomeRenderer.Render(ctx.Text, "restore", result);
        if (result.Verification is { } checks) VerificationText.Write(ctx, checks, platform);
        if (ctx.Json)
            JsonOutput.Write(ctx, "dormant.apply/v1", new { result.RunId, result.Status, summary = result.Summary(), result.Outcomes, verification = result.Verification });
        return result.ExitCode;
    }

    private static Task<ApplyResult> WithProgress(CliContext ctx, int total, Func<IProgress<AccountOutcome>, Task<ApplyResult>> restore) =>
        ProgressDisplay.RunAsync(ctx, "Restoring", total, p => restore(ProgressDisplay.Counting<AccountOutcome>(p)));
}
