namespace Dormant.Core.Errors;

public static class ExitCodes
{
    public const int Done = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Partial = 3;
}
