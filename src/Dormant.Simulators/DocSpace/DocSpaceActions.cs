namespace Dormant.Simulators.DocSpace;

/// <summary>The login-history MessageAction codes the simulator writes, with their display text.</summary>
public static class DocSpaceActions
{
    public const int LoginSuccess = 1000;
    public const int LoginFailInvalidCombination = 1002;
    public const int LoginFailDisabledProfile = 1004;
    public const int Logout = 1006;
    public const int LoginSuccessViaSms = 1007;
    public const int LoginFailBruteForce = 1018;
    public const int LoginSuccessViaSSO = 1015;
    public const int LoginSuccesViaTfaApp = 1021;
    public const int LoginSuccessViaPassword = 1029;

    public static readonly int[] Successes = [LoginSuccess, LoginSuccessViaSms, LoginSuccessViaSSO, LoginSuccesViaTfaApp, LoginSuccessViaPassword];
    public static readonly int[] Failures = [LoginFailInvalidCombination, LoginFailDisabledProfile, LoginFailBruteForce];

    public static string Text(int actionId) => actionId switch
    {
        LoginSuccess => "Logged in",
        LoginSuccessViaSms => "Logged in via SMS",
        LoginSuccessViaSSO => "Logged in via SSO",
        LoginSuccesViaTfaApp => "Logged in via the authenticator app",
        LoginSuccessViaPassword => "Logged in with password",
        LoginFailInvalidCombination => "Login failed. Invalid combination of username and password",
        LoginFailDisabledProfile => "Login failed. The user is disabled",
        LoginFailBruteForce => "Login failed. Too many attempts",
        Logout => "Logged out",
        _ => "Login event",
    };
}
