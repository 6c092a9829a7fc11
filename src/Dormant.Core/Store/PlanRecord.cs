using Dormant.Core.Plans;

namespace Dormant.Core.Store;

/// <summary>
/// A plan as its store recorded it when it was made. Apply acts on this copy, never on a plan file's:
/// the file only names the plan by its digest, and anyone who can write the file can recompute that.
/// </summary>
public sealed record PlanRecord(string Digest, Plan Plan, DateTimeOffset RecordedAt);
