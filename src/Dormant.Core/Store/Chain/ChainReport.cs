namespace Dormant.Core.Store.Chain;

/// <summary>What verifying a chain found: its head, and the first break (null when intact) among how many problems.</summary>
public sealed record ChainReport(ChainHead Head, ChainBreak? Break, int Problems)
{
    public bool Intact => Break is null;
}
