using Dormant.Cli;
using Dormant.Cli.Infrastructure;
using Dormant.Connectors.Http;

namespace Dormant.Tests.Support;

/// <summary>Runs the real entry point in-process with its own variables, folder and streams.</summary>
public sealed class CliHarness(string workingDirectory)
{
    // A command run without --store would open the user's own store in their data directory; tests never do.
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal) { ["DORMANT_STORE"] = Path.Combine(workingDirectory, "harness-store.db") };
    public bool Interactive { get; set; }
    public string Input { get; set; } = "";
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public static readonly HttpTuning Fast = new(RequestsPerSecond: 1000, MaxConcurrency: 8, BaseDelay: TimeSpan.FromMilliseconds(10), MaxRetries: 4);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            In = new StringReader(Input),
            Variable = name => Variables.TryGetValue(name, out var v) ? v : null,
            WorkingDirectory = workingDirectory,
            Interactive = Interactive,
            ErrorIsTerminal = false,
            Clock = Clock,
            HttpTuning = Fast,
        };
        var code = await DormantCli.RunAsync(args, env);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
