namespace Dormant.Core.Plans;

public sealed record PlannedAction(string AccountId, string Label, string Action, string Reason, SeenState Seen);
