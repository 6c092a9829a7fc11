using Dormant.Cli.Infrastructure;
using Dormant.Core.Connectors;

namespace Dormant.Cli.Export;

/// <summary>
/// An OCSF Account Change (class 3001) activity, chosen by what the platform's action does to the
/// account (<see cref="PlatformAction.End"/>) and whether the run applied it or undid it, never by the
/// action's name. Ids from the OCSF schema's events/iam/account_change.json (see docs/siem-export.md).
/// </summary>
internal sealed record OcsfActivity(int Id, string Name)
{
    public static readonly OcsfActivity Create = new(1, "Create");
    public static readonly OcsfActivity Enable = new(2, "Enable");
    public static readonly OcsfActivity Disable = new(5, "Disable");
    public static readonly OcsfActivity Delete = new(6, "Delete");
    public static readonly OcsfActivity Other = new(99, "Other");

    /// <param name="undo">True for a restore run: the entry names the action it undid.</param>
    public static OcsfActivity Of(string platform, string action, bool undo) =>
        PlatformWording.Action(platform, action)?.End switch
        {
            ActionEnd.CannotSignIn => undo ? Enable : Disable,
            // Undoing an account that is gone makes it again from its backup.
            ActionEnd.Gone => undo ? Create : Delete,
            _ => Other, // a run recorded by a build that knew an action this one does not
        };
}
