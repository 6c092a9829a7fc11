namespace Dormant.Core.Connectors;

public enum ActionOutcome
{
    Done,
    /// <summary>The account was already in the target state: success, nothing changed.</summary>
    AlreadyDone,
    Failed,
}
