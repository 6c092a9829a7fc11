namespace Dormant.Core.Errors;

/// <summary>An error meant for the user: one line that says what failed and what to try.</summary>
public class DormantException(string message, int exitCode = ExitCodes.Failure, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
