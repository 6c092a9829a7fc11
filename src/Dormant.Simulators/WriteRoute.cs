namespace Dormant.Simulators;

/// <summary>
/// A route that changes accounts, and which of Dormant's actions sends it: to act (<paramref name="Undo"/>
/// false) or to undo that act; an empty action is a route the simulator models that no action sends.
/// </summary>
public sealed record WriteRoute(string Action, bool Undo, SimRoute Route);
