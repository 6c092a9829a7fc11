using Dormant.Core.Apply;
using Dormant.Core.Store;

namespace Dormant.Cli.Rendering;

public static class OutcomeRenderer
{
    public static void Render(TextWriter w, string verb, ApplyResult result)
    {
        foreach (var o in result.Outcomes)
            w.WriteLine($"  {Paint.With(ToneOf(o.Phase), Word(o.Phase).PadRight(12))} {TerminalText.Escape(o.Label)} ({TerminalText.Escape(o.AccountId)}): {TerminalText.Escape(o.Detail)}{(o.FromEarlierAttempt ? " [earlier attempt]" : "")}");
        var s = result.Summary();
        w.WriteLine($"{verb} {result.RunId}: {Paint.Count(s["done"], Tone.Good)} done, {s["done-earlier"]} done earlier, {s["already-done"]} already done, {Paint.Count(s["skipped"], Tone.Warn)} skipped, {Paint.Count(s["failed"], Tone.Bad)} failed (of {s["planned"]})");
    }

    public static Tone ToneOf(JournalPhase p) => p switch
    {
        JournalPhase.Done => Tone.Good,
        JournalPhase.Failed => Tone.Bad,
        JournalPhase.Skipped => Tone.Warn,
        _ => Tone.Muted,
    };

    public static string Word(JournalPhase p) => p switch
    {
        JournalPhase.Done => "done",
        JournalPhase.AlreadyDone => "already",
        JournalPhase.Skipped => "skipped",
        JournalPhase.Failed => "FAILED",
        _ => "in-flight",
    };
}
