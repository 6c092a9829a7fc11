using Dormant.Core.Errors;

namespace Dormant.Core.Store.Chain;

/// <summary>
/// A store backend that does not keep the hash chain yet refuses to answer for it, so nothing can mistake
/// "not checked" for "intact". Commands that only guard on the chain may go on, saying so; verify and evidence stop.
/// </summary>
public sealed class ChainNotKeptException(string message) : DormantException(message);
