namespace Dormant.Core.Apply;

/// <summary>One account a run sets out to act on, as its journal and its outcomes name it.</summary>
internal sealed record RunItem(string AccountId, string Label, string Action);
