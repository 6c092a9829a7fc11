using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>
/// A command whose action runs inside the one error funnel: user errors become one line and their
/// exit code; anything unexpected is one line too, with the stack only under --verbose.
/// </summary>
public abstract class DormantCommand : Command
{
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show stack traces of unexpected errors", Recursive = true };

    protected DormantCommand(string name, string description, CliEnvironment env) : base(name, description)
    {
        SetAction(async (parse, ct) =>
        {
            var ctx = new CliContext(env) { Verbose = parse.GetValue(Verbose), Json = parse.GetValue(Dormant.Cli.Options.OutputOptions.Format) == "json" };
            try
            {
                InputChecks.NoEmptyValues(parse);
                return await ExecuteAsync(parse, ctx, ct);
            }
            catch (DormantException e)
            {
                var lines = (e as Config.ConfigErrors)?.Lines ?? [e.Message];
                foreach (var line in lines.SkipLast(1)) ctx.Error.WriteLine($"error: {Rendering.TerminalText.Escape(line)}");
                return Fail(ctx, lines[^1], e.ExitCode, jsonMessage: string.Join("; ", lines));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Commands that act report their own progress and undo line; reaching here nothing was acted on.
                return Fail(ctx, "cancelled", ExitCodes.Cancelled, prefix: "");
            }
            catch (Exception e)
            {
                var code = Fail(ctx, $"unexpected {e.GetType().Name}: {e.Message.Split('\n')[0]}" + (ctx.Verbose ? "" : " (--verbose for details)"), ExitCodes.Failure);
                if (ctx.Verbose) ctx.Error.WriteLine(e.ToString());
                return code;
            }
            finally
            {
                await ctx.Out.FlushAsync(CancellationToken.None);
                await ctx.Error.FlushAsync(CancellationToken.None);
            }
        });
    }

    private static int Fail(CliContext ctx, string message, int exitCode, string prefix = "error: ", string? jsonMessage = null)
    {
        ctx.Error.WriteLine(prefix + Rendering.TerminalText.Escape(message));
        if (ctx.Json) Rendering.JsonOutput.WriteError(ctx.Out, jsonMessage ?? message, exitCode);
        return exitCode;
    }

    protected abstract Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct);
}
