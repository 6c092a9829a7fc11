using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>The outcome words of the report schema, one per final journal phase.</summary>
internal static class ReportOutcomes
{
    public const string Done = "done";
    public const string AlreadyDone = "already-done";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    /// <summary>Only an intent was journaled: the vendor may or may not have acted; apply the plan again to settle it.</summary>
    public const string Interrupted = "interrupted";

    public static readonly string[] All = [Done, AlreadyDone, Skipped, Failed, Interrupted];

    public static string ToWire(JournalPhase phase) => phase switch
    {
        JournalPhase.Done => Done,
        JournalPhase.AlreadyDone => AlreadyDone,
        JournalPhase.Skipped => Skipped,
        JournalPhase.Failed => Failed,
        _ => Interrupted,
    };
}
