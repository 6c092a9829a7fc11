using Dormant.Core.Errors;

namespace Dormant.Cli.Infrastructure;

public static class Confirmation
{
    /// <summary>Asks [y/N]; refuses to ask anyone who cannot answer (a pipe, CI) instead of guessing.</summary>
    public static bool Ask(CliContext ctx, string question)
    {
        if (!ctx.Env.Interactive)
            throw new UsageException("refusing to ask for confirmation: stdin is not a terminal; pass --yes to proceed without asking");
        ctx.Error.Write($"{question} [y/N] ");
        ctx.Error.Flush();
        var answer = ctx.Env.In.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
