using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;
using Dormant.Core.Plans;

namespace Dormant.Cli.Commands;

/// <summary>Decides and writes the plan file: exactly what apply will do, for a person to review.</summary>
public sealed class PlanCommand : DormantCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly PolicyOptions _policy = new();
    private readonly StoreOptions _store;
    private readonly ReportOptions _report = new();
    private readonly Option<string> _output = new("--output-file", "-o") { Description = "Where to write the plan", Required = true, HelpName = "file" };
    private readonly Option<int> _validHours = new("--valid-hours") { Description = "Hours until the plan expires", DefaultValueFactory = _ => 24 };

    public PlanCommand(CliEnvironment env, StoreOptions store) : base("plan", "Decide and write a reviewable plan file (changes nothing)", env)
    {
        HelpExamples.Add(this,
            $"dormant plan -c {PlatformWording.Example(0)} -o plan.json",
            $"dormant plan -c {PlatformWording.Example(2)} -d 180 --exclude-user ceo@example.com -o plan.json");
        _policy.WorkingDirectory = env.WorkingDirectory;
        _store = store;
        _report.AddTo(this);
        _connection.AddTo(this);
        _policy.AddTo(this);
        Options.Add(_policy.Approvals);
        Options.Add(_output);
        Options.Add(_validHours);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var config = ConfigOptions.Load(parse, ctx);
        var platform = _connection.RequireName(parse);
        var rules = _policy.Resolve(parse, ConnectionOptions.PlatformOf(platform, config), config.Find(platform)?.Policy);
        var hours = parse.GetValue(_validHours);
        if (hours is < 1 or > 24 * 30) throw new UsageException($"--valid-hours must be between 1 and 720 (got {hours})");
        var path = InputChecks.OutputFile(parse.GetValue(_output)!, _output.Name, ctx);
        _report.Check(parse, ctx);
        StoreAccess.Check(_store, parse, ctx);
        using var connected = _connection.Connect(parse, platform, config, ctx);
        var plan = await ScanStep.PlanAsync(ctx, connected, rules, TimeSpan.FromHours(hours), ct);
        // The decisions behind the plan are kept as a scan, so they can be reported and audited.
        string digest;
        using (var store = StoreAccess.Open(_store, parse, ctx))
        {
            plan = await Notices.KeepStep.ProtectAsync(ctx, store, plan, ct);
            ScanStep.Render(ctx, plan, connected);
            Caps.Enforce(plan);
            digest = await PlanRecords.RecordAsync(store, ctx, plan, path, ct);
            var scanId = await ScanStep.RecordScanAsync(store, ctx, plan, ct);
            await _report.WriteAsync(parse, ctx, store, scanId, null, ct);
        }
        ctx.Text.WriteLine();
        ctx.Text.WriteLine($"plan {plan.PlanId}: {plan.Actions.Count} accounts to {plan.Policy.Action}, expires {plan.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z");
        ctx.Text.WriteLine($"written to {path} ({digest[..19]}…)");
        if (plan.Policy.Approvals > 0)
            ctx.Text.WriteLine($"needs {plan.Policy.Approvals} approvals: dormant approve {plan.PlanId} (each approver, not you)");
        ctx.Say($"review it, then: dormant apply {parse.GetValue(_output)}");
        if (ctx.Json)
            Rendering.JsonOutput.Write(ctx, "dormant.plan/v1", new { plan.PlanId, file = path, digest, plan.Platform, plan.Tenant, plan.ExpiresAt,
                approvals = plan.Policy.Approvals, plan.Counts, plan.Actions });
        return ExitCodes.Done;
    }
}
