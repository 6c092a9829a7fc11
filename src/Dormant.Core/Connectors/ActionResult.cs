namespace Dormant.Core.Connectors;

/// <summary>The vendor's answer to one action, in one line.</summary>
public sealed record ActionResult(ActionOutcome Outcome, string Detail)
{
    public bool Succeeded => Outcome != ActionOutcome.Failed;
    public static ActionResult Done(string detail) => new(ActionOutcome.Done, detail);
    public static ActionResult Already(string detail) => new(ActionOutcome.AlreadyDone, detail);
    public static ActionResult Failed(string detail) => new(ActionOutcome.Failed, detail);

    /// <summary>For an account a batch answer left out: the vendor did not say it worked.</summary>
    public static ActionResult NotMentioned { get; } = Failed("the vendor's answer did not mention this account");
}
