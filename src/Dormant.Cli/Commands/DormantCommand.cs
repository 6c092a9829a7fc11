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
                return Fail(ctx, e.Message, e.ExitCode);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return Fail(ctx, "cancelled; the journal holds what was done — run the same command again to finish", ExitCodes.Failure, prefix: "");
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

    private static int Fail(CliContext ctx, string message, int exitCode, string prefix = "error: ")
    {
        ctx.Error.WriteLine(prefix + Rendering.TerminalText.Escape(message));
        if (ctx.Json) Rendering.JsonOutput.WriteError(ctx.Out, message, exitCode);
        return exitCode;
    }

    protected abstract Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct);
}
