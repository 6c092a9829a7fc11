using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>What happened to one planned account in this apply (or an earlier, interrupted one).</summary>
public sealed record AccountOutcome(string AccountId, string Label, string Action, JournalPhase Phase, string Detail, bool FromEarlierAttempt);
