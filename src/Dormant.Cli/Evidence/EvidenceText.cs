namespace Dormant.Cli.Evidence;

/// <summary>A file's content and the one line index.html tells people about it (its counts).</summary>
internal sealed record EvidenceText(string Content, string Summary);
