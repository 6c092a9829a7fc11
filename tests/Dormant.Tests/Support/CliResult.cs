namespace Dormant.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;
}
