namespace Dormant.Core.Errors;

public static class ExitCodes
{
    public const int Done = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Partial = 3;
    /// <summary>Stopped by Ctrl+C or SIGTERM, as shells report a SIGINT death (128 + 2).</summary>
    public const int Cancelled = 130;
}
