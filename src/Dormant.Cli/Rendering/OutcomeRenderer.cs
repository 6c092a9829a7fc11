using Dormant.Core.Apply;
using Dormant.Core.Store;

namespace Dormant.Cli.Rendering;

public static class OutcomeRenderer
{
    public static void Render(TextWriter w, string verb, ApplyResult result)
    {
        foreach (var o in result.Outcomes)
            w.WriteLine($"  {Word(o.Phase),-12} {TerminalText.Escape(o.Label)} ({TerminalText.Escape(o.AccountId)}): {TerminalText.Escape(o.Detail)}{(o.FromEarlierAttempt ? " [earlier attempt]" : "")}");
        var s = result.Summary();
        w.WriteLine($"{verb} {result.RunId}: {s["done"]} done, {s["done-earlier"]} done earlier, {s["already-done"]} already done, {s["skipped"]} skipped, {s["failed"]} failed (of {s["planned"]})");
    }

    public static string Word(JournalPhase p) => p switch
    {
        JournalPhase.Done => "done",
        JournalPhase.AlreadyDone => "already",
        JournalPhase.Skipped => "skipped",
        JournalPhase.Failed => "FAILED",
        _ => "in-flight",
    };
}
