using Dormant.Core.Store;

namespace Dormant.Cli.Evidence;

/// <summary>What every evidence file starts from: the store, the apply run it is about, and when the pack is made.</summary>
internal sealed record EvidenceContext(IRunStore Store, RunRecord Run, DateTimeOffset CreatedAt)
{
    /// <summary>Every file writes its JSON with the same schema prefix, so a reader can tell the pack's files apart.</summary>
    public static string Schema(string file) => $"dormant.evidence.{file}/v1";
}
