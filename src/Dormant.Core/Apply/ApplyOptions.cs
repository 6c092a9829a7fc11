namespace Dormant.Core.Apply;

/// <param name="RunBy">OS user and host, for the audit trail.</param>
public sealed record ApplyOptions(string RunBy);
