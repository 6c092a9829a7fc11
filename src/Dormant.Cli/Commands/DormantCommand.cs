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
                foreach (var line in (e as Config.ConfigErrors)?.Lines ?? [e.Message])
                    ctx.Error.WriteLine($"error: {Rendering.TerminalText.Escape(line)}");
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Commands that act report their own progress and undo line; reaching here nothing was acted on.
                ctx.Error.WriteLine("cancelled");
                return ExitCodes.Cancelled;
            }
            catch (Exception e)
            {
                ctx.Error.WriteLine($"error: unexpected {e.GetType().Name}: {Rendering.TerminalText.Escape(e.Message.Split('\n')[0])}" + (ctx.Verbose ? "" : " (--verbose for details)"));
                if (ctx.Verbose) ctx.Error.WriteLine(e.ToString());
                return ExitCodes.Failure;
            }
            finally
            {
                await ctx.Out.FlushAsync(CancellationToken.None);
                await ctx.Error.FlushAsync(CancellationToken.None);
            }
        });
    }

    protected abstract Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct);
}
