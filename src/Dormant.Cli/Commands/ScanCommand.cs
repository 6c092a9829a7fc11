using System.CommandLine;
using Dormant.Cli.Config;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;
using Dormant.Core.Plans;

namespace Dormant.Cli.Commands;

/// <summary>
/// Read-only: who is active or inactive, and why. Without --connector it scans every tenant of the
/// config file at once, each printed whole when it finishes.
/// </summary>
public sealed class ScanCommand : DormantCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly PolicyOptions _policy = new();
    private readonly StoreOptions _store;
    private readonly ReportOptions _report = new();

    public ScanCommand(CliEnvironment env, StoreOptions store) : base("scan", "Read-only: list who is active or inactive and why", env)
    {
        HelpExamples.Add(this,
            $"dormant scan --connector {PlatformWording.Example(0)} --inactive-days 90",
            $"dormant scan -c {PlatformWording.Example(1)} --exclude-from keep.txt --report scan.html",
            "dormant scan   # every tenant of dormant.yaml");
        _policy.WorkingDirectory = env.WorkingDirectory;
        _store = store;
        _connection.AddTo(this);
        _policy.AddTo(this);
        _report.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var config = ConfigOptions.Load(parse, ctx);
        var names = _connection.Name(parse) is { } one ? [one] : config.Tenants.Select(t => t.Name).ToList();
        if (names.Count == 0) _connection.RequireName(parse);
        _report.Check(parse, ctx);
        // Every tenant's policy is checked before any is read: one bad value must not cost a scan.
        foreach (var name in names) _policy.Resolve(parse, ConnectionOptions.PlatformOf(name, config), config.Find(name)?.Policy);
        using var store = StoreAccess.Open(_store, parse, ctx);
        // Tenants run concurrently; each one's lines are kept together.
        var results = await Task.WhenAll(names.Select(name => ScanOneAsync(parse, ctx, config, store, name, names.Count > 1, ct)));
        foreach (var (text, _, _) in results) ctx.Text.Write(text);
        if (ctx.Json)
            Rendering.JsonOutput.Write(ctx, "dormant.scan/v1", new
            {
                scans = results.Where(r => r.Scan is not null).Select(r => r.Scan),
                failed = names.Zip(results).Where(x => x.Second.Scan is null).Select(x => x.First),
            });
        return results.Max(r => r.Code);
    }

    private async Task<(string Text, int Code, object? Scan)> ScanOneAsync(ParseResult parse, CliContext ctx, DormantConfig config,
        Dormant.Core.Store.IRunStore store, string name, bool several, CancellationToken ct)
    {
        var buffer = new StringWriter();
        try
        {
            var rules = _policy.Resolve(parse, ConnectionOptions.PlatformOf(name, config), config.Find(name)?.Policy);
            using var connected = _connection.Connect(parse, name, config, ctx);
            var plan = several
                ? await new Planner(ctx.Clock).MakeAsync(connected.Connector, connected.Source, rules, ctx.Env.RunBy, Planner.DefaultValidity, null, ct)
                : await ScanStep.PlanAsync(ctx, connected, rules, Planner.DefaultValidity, ct);
            plan = await Dormant.Cli.Notices.KeepStep.ProtectAsync(ctx, store, plan, ct);
            if (several) buffer.WriteLine($"== {name}");
            Rendering.ScanRenderer.Render(buffer, plan.Platform, plan.Tenant, plan.Policy, plan.Decisions, connected.Connector.Words);
            var runId = await ScanStep.RecordScanAsync(store, ctx, plan, ct);
            await _report.WriteAsync(parse, ctx, store, runId, several ? name : null, ct);
            ScanStep.SayPopulation(ctx, plan, name);
            ctx.Say($"{name}: scan recorded as {runId}; nothing was changed");
            if (Caps.Violation(plan) is { } cap) ctx.Say($"{name}: note: {cap}");
            buffer.WriteLine();
            var scan = new { name, runId, plan.Platform, plan.Tenant, plan.Policy, plan.Counts, population = plan.Population is { } pop ? pop with { RunId = runId } : null, plan.Decisions };
            return (buffer.ToString(), plan.Counts.GetValueOrDefault("error") > 0 ? ExitCodes.Partial : ExitCodes.Done, scan);
        }
        catch (DormantException e) when (several)
        {
            // One tenant failing does not hide the others' results.
            ctx.Error.WriteLine($"error: {name}: {e.Message}");
            return ($"== {name}\nfailed: {e.Message}\n\n", ExitCodes.Partial, null);
        }
    }
}
