namespace Dormant.Core.Store.Chain;

/// <summary>The first thing wrong with a chain: which link (when one is involved), which row, and what.</summary>
public sealed record ChainBreak(long? LinkSeq, string Row, ChainProblem Problem)
{
    public string Describe() => Problem switch
    {
        ChainProblem.LinkAltered => $"the link for {Row} does not match its own hash",
        ChainProblem.LinkOutOfOrder => $"the link for {Row} does not follow the link before it",
        ChainProblem.RowAltered => $"{Row} does not match its recorded hash",
        ChainProblem.RowMissing => $"{Row} is missing",
        _ => $"{Row} is not linked",
    };

    public string Message => LinkSeq is { } seq ? $"chain broken at link {seq}: {Describe()}" : $"chain broken: {Describe()}";
}
