using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Errors;
using Dormant.Simulators;

namespace Dormant.Cli.Commands;

/// <summary>Serves a fake tenant on 127.0.0.1 until Ctrl+C, for trying Dormant without a real one.</summary>
public sealed class SimulateCommand : DormantCommand
{
    private readonly Option<string> _platform = new("--platform", "-p") { Description = string.Join(", ", SimulatorCatalog.All.Select(s => s.Platform)), Required = true };
    private readonly Option<int> _users = new("--users", "-u") { Description = "Accounts in the tenant", DefaultValueFactory = _ => 200 };
    private readonly Option<int> _port = new("--port") { Description = "Port on 127.0.0.1 (0 = any free one)", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the generated tenant", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> _rate = new("--rate-limit") { Description = "Requests per minute before the simulator answers 429" };

    public SimulateCommand(CliEnvironment env) : base("simulate", "Serve a simulated tenant on 127.0.0.1 (Ctrl+C to stop)", env)
    {
        HelpExamples.Add(this,
            $"dormant simulate --platform {PlatformWording.Example(0)} --port 8080",
            $"dormant simulate -p {PlatformWording.Example(1)} --users 500 --rate-limit 600");
        Options.Add(_platform);
        Options.Add(_users);
        Options.Add(_port);
        Options.Add(_seed);
        Options.Add(_rate);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var users = parse.GetValue(_users);
        if (users is < 1 or > 1_000_000) throw new UsageException($"--users must be between 1 and 1000000 (got {users})");
        var limits = parse.GetValue(_rate) is { } perMinute ? new SimulatorLimits(perMinute, TimeSpan.FromMinutes(1)) : null;
        var name = parse.GetValue(_platform)!;
        var definition = SimulatorCatalog.All.FirstOrDefault(d => string.Equals(d.Platform, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"no simulator for '{name}'; known: {string.Join(", ", SimulatorCatalog.All.Select(d => d.Platform))}");
        RunningSimulator started;
        try { started = await definition.StartAsync(users, parse.GetValue(_seed), parse.GetValue(_port), ctx.Clock.GetUtcNow(), limits, ct); }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new DormantException($"port {parse.GetValue(_port)} on 127.0.0.1 is in use; pick another with --port, or 0 for any free one");
        }
        await using var sim = started;
        sim.Host.Lenient(ctx.Say); // a person drives this one: say what it does not model, never throw
        ctx.Text.WriteLine($"{sim.Platform} simulator with {users} accounts on {sim.Host.BaseUrl}");
        ctx.Text.WriteLine("connect with (the key is the simulator's own, not a real secret):");
        foreach (var (variable, value) in sim.Environment) ctx.Text.WriteLine($"  export {variable}={value}");
        ctx.Text.WriteLine($"  dormant scan --connector {sim.Platform}");
        if (ctx.Json) Rendering.JsonOutput.Write(ctx, "dormant.simulator/v1", new { sim.Platform, baseUrl = sim.Host.BaseUrl, environment = sim.Environment });
        await ctx.Out.FlushAsync(ct);
        try { await Task.Delay(Timeout.Infinite, ct); }
        catch (OperationCanceledException) { }
        ctx.Say($"stopped after {sim.Host.Requests.Count} requests");
        return ExitCodes.Done;
    }
}
