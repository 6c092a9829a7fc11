using Dormant.Core.Errors;

namespace Dormant.Cli.Config;

/// <summary>
/// Every problem of one config file, each its own line with file, line and key: fixing them one
/// run at a time is how a first hour gets lost.
/// </summary>
public sealed class ConfigErrors(IReadOnlyList<string> lines)
    : DormantException(lines.Count == 1 ? lines[0] : $"{lines[0]} (and {lines.Count - 1} more)", ExitCodes.Usage)
{
    public IReadOnlyList<string> Lines { get; } = lines;
}
