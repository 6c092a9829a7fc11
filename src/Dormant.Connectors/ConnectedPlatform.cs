using Dormant.Core.Connectors;

namespace Dormant.Connectors;

/// <summary>A live connection to one tenant and the capabilities it offers.</summary>
public sealed class ConnectedPlatform(IConnector connector, IAccountSource source, IAccountActor actor, IDisposable? owned) : IDisposable
{
    public IConnector Connector { get; } = connector;
    public IAccountSource Source { get; } = source;
    public IAccountActor Actor { get; } = actor;

    public void Dispose() => owned?.Dispose();
}
