namespace Dormant.Connectors.DocSpace;

/// <summary>
/// Which login-history events prove a person signed in. The filter's <c>action=0</c> means "no
/// filter" (it is rewritten to MessageAction.None) and only one action fits in a request, so the
/// history is read unfiltered and successes are picked here. Failures (1002–1005, 1008, 1009, 1013,
/// 1014, 1018, 1020, 1022, 1023, 1025, 1026) and Logout (1006) are not activity: a stranger can
/// fail a login, and a logout may be a session expiring.
/// </summary>
internal static class DocSpaceLoginActions
{
    private static readonly HashSet<int> s_success =
    [
        1000, // LoginSuccess
        1001, // LoginSuccessViaSocialAccount
        1007, // LoginSuccessViaSms
        1010, // LoginSuccessViaApi
        1011, // LoginSuccessViaSocialApp
        1012, // LoginSuccessViaApiSms
        1015, // LoginSuccessViaSSO
        1019, // LoginSuccessViaApiSocialAccount
        1021, // LoginSuccesViaTfaApp
        1024, // LoginSuccessViaApiTfa
        1027, // AuthLinkActivated
        1028, // LoginSuccessViaOAuth
        1029, // LoginSuccessViaPassword
    ];

    public static bool IsSuccess(int actionId) => s_success.Contains(actionId);
}
