using System.CommandLine;
using Dormant.Cli.Commands;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;

namespace Dormant.Cli;

/// <summary>The real entry point, callable in-process by tests with their own environment.</summary>
public static class DormantCli
{
    public static RootCommand Build(CliEnvironment env)
    {
        var store = new StoreOptions();
        var root = new RootCommand("Dormant finds accounts nobody uses on your SaaS platforms and retires them safely, with undo.");
        root.Options.Add(DormantCommand.Verbose);
        root.Options.Add(store.Store);
        root.Options.Add(ConfigOptions.File);
        root.Options.Add(OutputOptions.Format);
        root.Subcommands.Add(new DemoCommand(env));
        root.Subcommands.Add(new ScanCommand(env, store));
        root.Subcommands.Add(new PlanCommand(env, store));
        root.Subcommands.Add(new ApplyCommand(env, store));
        root.Subcommands.Add(new ApproveCommand(env, store));
        root.Subcommands.Add(new ApprovalsCommand(env, store));
        root.Subcommands.Add(new NotifyCommand(env, store));
        root.Subcommands.Add(new KeepCommand(env, store));
        root.Subcommands.Add(new RunCommand(env, store));
        root.Subcommands.Add(new RestoreCommand(env, store));
        root.Subcommands.Add(new RunsCommand(env, store));
        root.Subcommands.Add(new ShowCommand(env, store));
        root.Subcommands.Add(new ReportCommand(env, store));
        root.Subcommands.Add(new EvidenceCommand(env, store));
        root.Subcommands.Add(new ExportCommand(env, store));
        root.Subcommands.Add(new VerifyCommand(env, store));
        root.Subcommands.Add(new StoreCommand(env, store));
        root.Subcommands.Add(new SimulateCommand(env));
        root.Subcommands.Add(new ConfigCommand(env));
        root.Subcommands.Add(new PlatformsCommand(env));
        // Root help must fit 40 lines; demo is the first command listed, so it needs no example.
        HelpExamples.Add(root, $"dormant scan --connector {PlatformWording.Example(0)}",
            $"dormant plan -c {PlatformWording.Example(1)} -o plan.json", "dormant apply plan.json");
        HelpExamples.Install(root, env.HelpWidth);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken ct = default)
    {
        // One HTTP root per process, on its clock, shared by the commands it runs (the demo runs several) and disposed at exit.
        using var http = env.Http is null ? new Connectors.Http.VendorHttp(env.Clock) : null;
        if (http is not null) env = env with { Http = http };
        var parse = Build(env).Parse(args);
        if (parse.Errors.Count > 0)
        {
            var line = ParseErrors.OneLine(parse);
            await env.Error.WriteLineAsync($"error: {Rendering.TerminalText.Escape(line)}");
            if (WantsJson(parse)) Rendering.JsonOutput.WriteError(env.Out, line, ExitCodes.Usage);
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = env.Out, Error = env.Error,
            // Its own Ctrl+C handler would return 130 after two seconds while the apply still records what it did;
            // Program's handler cancels the token and every command finishes its own bookkeeping.
            ProcessTerminationTimeout = null,
        }, ct);
    }

    // A slip elsewhere on the line must not hide that a script asked for JSON; a bad --output value itself gets text.
    private static bool WantsJson(ParseResult parse)
    {
        try { return parse.GetValue(OutputOptions.Format) == "json"; }
        catch (InvalidOperationException) { return false; }
    }
}
