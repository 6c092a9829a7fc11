using Dormant.Core.Errors;

namespace Dormant.Cli.Notices;

/// <summary>What one notify run did, per channel message: sent now, delivered by an earlier run, failed.</summary>
internal sealed class NoticeTally
{
    public int Sent { get; set; }
    public int Already { get; set; }
    public int Failed { get; set; }
    public List<(string Label, string Channel, string Detail)> Failures { get; } = [];

    public int ExitCode => Failed == 0 ? ExitCodes.Done : Sent == 0 && Already == 0 ? ExitCodes.Failure : ExitCodes.Partial;

    public string Summary => $"{Sent} sent, {Already} sent before, {Failed} failed";
}
