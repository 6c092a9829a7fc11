namespace Dormant.Core.Backups;

/// <param name="PriorState">The account's status as the plan saw it and the re-read confirmed, before acting.</param>
/// <param name="File">The backup's file name in the run's folder.</param>
/// <param name="Sha256">Lower-case hex of the file's bytes, checked before a restore uses it.</param>
public sealed record ManifestAccount(string AccountId, string Label, string Action, string PriorState, string File, string Sha256);
