namespace Dormant.Core.Connectors;

/// <summary>The vendor's answer to one action, in one line.</summary>
public sealed record ActionResult(ActionOutcome Outcome, string Detail)
{
    public bool Succeeded => Outcome != ActionOutcome.Failed;
    public static ActionResult Done(string detail) => new(ActionOutcome.Done, detail);
    public static ActionResult Already(string detail) => new(ActionOutcome.AlreadyDone, detail);
    public static ActionResult Failed(string detail) => new(ActionOutcome.Failed, detail);
}
