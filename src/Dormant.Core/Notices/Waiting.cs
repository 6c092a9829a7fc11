using Dormant.Core.Plans;

namespace Dormant.Core.Notices;

/// <summary>A planned action still in its grace, or not noticed yet.</summary>
/// <param name="DueOn">The first day it may be acted on; null when no notice was delivered yet.</param>
public sealed record Waiting(PlannedAction Action, DateOnly? DueOn);
