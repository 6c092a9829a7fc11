using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Connectors;
using Dormant.Connectors.Http;
using Dormant.Core.Errors;
using Dormant.Simulators;
using Dormant.Store.Sqlite;

namespace Dormant.Cli.Commands;

/// <summary>
/// Starts simulated tenants in-process and walks scan → plan → apply → restore through the very
/// commands a user types, so what it prints is what a user would see. No credentials, no network.
/// </summary>
public sealed class DemoCommand : DormantCommand
{
    private readonly Option<int> _users = new("--users", "-u") { Description = "Accounts per simulated tenant", DefaultValueFactory = _ => 60 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the generated tenants", DefaultValueFactory = _ => 7 };
    private readonly Option<string?> _dir = new("--dir") { Description = "Folder for the demo's store and plan (default: a new temporary folder)" };

    public DemoCommand(CliEnvironment env) : base("demo", "Walk scan → plan → apply → restore on built-in simulated tenants", env)
    {
        HelpExamples.Add(this,
            "dormant demo",
            "dormant demo --users 200 --seed 3 --dir demo");
        Options.Add(_users);
        Options.Add(_seed);
        Options.Add(_dir);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var dir = parse.GetValue(_dir) ?? Path.Combine(Path.GetTempPath(), "dormant-demo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var store = Path.Combine(dir, "dormant.db");
        var walked = new List<string>();
        foreach (var definition in SimulatorCatalog.All)
        {
            await using var sim = await definition.StartAsync(parse.GetValue(_users), parse.GetValue(_seed), 0, ctx.Clock.GetUtcNow(), null, ct);
            sim.Host.Lenient(ctx.Say);
            var code = await WalkAsync(ctx, sim, dir, store, ct);
            if (code != ExitCodes.Done) return code;
            walked.Add(sim.Platform);
        }
        ctx.Text.WriteLine();
        ctx.Text.WriteLine($"demo finished; its store and plans are in {dir}");
        if (ctx.Json) Rendering.JsonOutput.Write(ctx, "dormant.demo/v1", new { platforms = walked, restoredAsStarted = true, directory = dir, store });
        return ExitCodes.Done;
    }

    private static async Task<int> WalkAsync(CliContext ctx, RunningSimulator sim, string dir, string store, CancellationToken ct)
    {
        var before = sim.Fingerprint();
        // The simulator speaks the vendor's variable names; the demo shows Dormant's own.
        var variables = SettingNames.ToDormant(PlatformCatalog.Find(sim.Platform), sim.Environment);
        var env = ctx.Env with
        {
            Out = ctx.Json ? TextWriter.Null : ctx.Env.Out, // keep stdout for the one JSON document
            Variable = name => variables.TryGetValue(name, out var v) ? v : null,
            WorkingDirectory = dir,
            Interactive = false,
            ErrorIsTerminal = false,
            HttpTuning = new HttpTuning(RequestsPerSecond: 500, MaxConcurrency: 8, BaseDelay: TimeSpan.FromMilliseconds(50)),
        };
        var plan = Path.Combine(dir, $"{sim.Platform}-plan.json");
        string[][] steps =
        [
            ["scan", "--connector", sim.Platform, "--store", store],
            ["plan", "--connector", sim.Platform, "-o", plan, "--max-share", "75", "--store", store],
            ["apply", plan, "--yes", "--store", store],
        ];
        foreach (var step in steps)
            if (await StepAsync(ctx, env, step, ct) is var code and not ExitCodes.Done) return code;

        string runId;
        using (var s = SqliteRunStore.Open(store))
            runId = (await s.ListRunsAsync(20, ct)).First(r => r.Kind == "apply" && r.Platform == sim.Platform).RunId;
        var report = await StepAsync(ctx, env, ["report", runId, "--store", store, "-o", Path.Combine(dir, $"{sim.Platform}-report.html"), "--seat-price", "6"], ct);
        if (report != ExitCodes.Done) return report;
        var afterApply = await StepAsync(ctx, env, ["restore", runId, "--store", store], ct);
        if (afterApply != ExitCodes.Done) return afterApply;
        var same = sim.Fingerprint() == before;
        // The demo's plans use each platform's default policy, so its action says what happened to the accounts.
        var acted = PlatformWording.Action(sim.Platform, PlatformCatalog.Find(sim.Platform).DefaultPolicy.Action);
        ctx.Text.WriteLine(same
            ? $"{sim.Platform}: every {acted?.PastTense ?? "changed"} account is back as it was; the tenant is as it started."
            : $"{sim.Platform}: the tenant differs from how it started; see 'dormant show {runId} --store {store}'.");
        return same ? ExitCodes.Done : ExitCodes.Failure;
    }

    private static async Task<int> StepAsync(CliContext ctx, CliEnvironment env, string[] args, CancellationToken ct)
    {
        ctx.Text.WriteLine();
        ctx.Text.WriteLine("$ dormant " + string.Join(' ', args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a)));
        await ctx.Text.FlushAsync(ct);
        // Under --output json each step runs in json mode too, so stderr keeps nothing but errors.
        var code = await DormantCli.RunAsync(ctx.Json ? [.. args, "--output", "json"] : args, env, ct);
        if (code != ExitCodes.Done) ctx.Error.WriteLine($"demo step failed with exit code {code}");
        return code;
    }
}
