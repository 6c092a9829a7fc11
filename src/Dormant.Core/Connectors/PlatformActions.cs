using Dormant.Core.Errors;

namespace Dormant.Core.Connectors;

/// <summary>A platform's action found by the name a plan or the journal keeps.</summary>
public static class PlatformActions
{
    public static PlatformAction? Find(this IReadOnlyList<PlatformAction> actions, string name) =>
        actions.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>The connector's action of that name; a name its platform does not know is refused with what it can do.</summary>
    public static PlatformAction Action(this IConnector connector, string name) =>
        connector.Actions.Find(name) ?? throw new UsageException($"{connector.Platform} cannot '{name}'; it can: {Describe(connector.Actions)}");

    /// <summary>Each action with its undo, e.g. "a (undo: b), c (cannot be undone)", for a refusal.</summary>
    public static string Describe(IReadOnlyList<PlatformAction> actions) =>
        string.Join(", ", actions.Select(a => a.Undo is { } undo ? $"{a.Name} (undo: {undo})" : $"{a.Name} (cannot be undone)"));
}
