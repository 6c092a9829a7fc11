namespace Dormant.Core.Errors;

/// <summary>Bad flags, config or input files: exit code 2, nothing was changed.</summary>
public sealed class UsageException(string message) : DormantException(message, ExitCodes.Usage);
