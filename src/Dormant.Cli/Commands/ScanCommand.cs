using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;

namespace Dormant.Cli.Commands;

/// <summary>Read-only: who is active or inactive, and why. Changes nothing on the platform.</summary>
public sealed class ScanCommand : DormantCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly PolicyOptions _policy = new();
    private readonly StoreOptions _store;

    public ScanCommand(CliEnvironment env, StoreOptions store) : base("scan", "Read-only: list who is active or inactive and why", env)
    {
        _store = store;
        _connection.AddTo(this);
        _policy.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var platform = _connection.PlatformName(parse);
        var rules = _policy.Resolve(parse, PlatformCatalog.Find(platform));
        using var connected = _connection.Connect(parse, platform, ctx);
        using var store = StoreAccess.Open(_store, parse, ctx);
        var plan = await ScanStep.PlanAsync(ctx, connected, rules, Planner.DefaultValidity, ct);
        ScanStep.Render(ctx, plan);
        var runId = await ScanStep.RecordScanAsync(store, ctx, plan, ct);
        if (Caps.Violation(plan) is { } cap) ctx.Say("note: " + cap);
        ctx.Say($"scan recorded as {runId}; nothing was changed. Next: dormant plan --connector {platform} -o plan.json");
        return plan.Counts.GetValueOrDefault("error") > 0 ? ExitCodes.Partial : ExitCodes.Done;
    }
}
