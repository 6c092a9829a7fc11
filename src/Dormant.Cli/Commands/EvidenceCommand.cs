using System.CommandLine;
using Dormant.Cli.Evidence;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>The evidence pack of one applied plan: a zip an auditor can check file by file, from the store alone.</summary>
public sealed class EvidenceCommand : DormantCommand
{
    private readonly StoreOptions _store;
    private readonly Argument<string> _run = new("run-id")
    {
        Description = "The apply run (see 'dormant runs'), or the id or digest of the plan it applied",
    };
    private readonly Option<string> _output = new("--output-file", "-o") { Description = "The zip to write", Required = true };
    private readonly Option<bool> _force = new("--force") { Description = "Replace the file if it exists" };

    public EvidenceCommand(CliEnvironment env, StoreOptions store)
        : base("evidence", "Write an applied plan's evidence pack for auditors (a zip)", env)
    {
        HelpExamples.Add(this,
            "dormant evidence RUN-ID -o pack.zip",
            "dormant evidence sha256:PLAN-DIGEST -o pack.zip --force");
        _store = store;
        Arguments.Add(_run);
        Options.Add(_output);
        Options.Add(_force);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var given = parse.GetValue(_output)!;
        var path = InputChecks.OutputFile(given, _output.Name, ctx);
        var force = parse.GetValue(_force);
        if (File.Exists(path) && !force) throw new UsageException($"{_output.Name} {given} exists; pass --force to replace it, or choose another file");
        KnownSecrets.Register(ctx, ConfigOptions.Load(parse, ctx));
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        var run = await EvidenceTarget.ResolveAsync(store, parse.GetValue(_run)!, ct);
        var context = new EvidenceContext(store, run, ctx.Clock.GetUtcNow());
        var files = await EvidencePack.WriteAsync(context, ctx.Redactor, path, force, ct);
        ctx.Say($"evidence of run {run.RunId} written to {path} ({files.Count} files)");
        if (ctx.Json)
            Rendering.JsonOutput.Write(ctx, "dormant.evidence/v1", new { run.RunId, file = path, files = files.Select(f => new { f.Name, f.Sha256, f.Size }) });
        return ExitCodes.Done;
    }
}
