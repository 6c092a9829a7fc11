using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Dormant.Cli.Notices;

/// <summary>
/// One SMTP session for a notify run. A problem with the server (cannot reach it, TLS, login, sender)
/// is one line that fails every remaining message; a refused recipient fails only that message.
/// </summary>
internal sealed class EmailSender(NoticeSettings settings) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = 30_000 };

    private string Server => $"mail server {settings.SmtpHost}:{settings.SmtpPort}";

    /// <summary>Null when connected (and logged in); otherwise what is wrong and what to check.</summary>
    public async Task<string?> ConnectAsync(CancellationToken ct)
    {
        try
        {
            var tls = settings.SmtpTls switch
            {
                SmtpTls.None => SecureSocketOptions.None,
                SmtpTls.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await _client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, tls, ct);
            if (settings.SmtpUser is { } user) await _client.AuthenticateAsync(user, settings.SmtpPassword ?? "", ct);
            return null;
        }
        catch (Exception e) when (ServerProblem(e) is { } line && !ct.IsCancellationRequested)
        {
            return line;
        }
    }

    /// <summary>Sends one message: (true, the server's answer) or (false, why, and whether the server is still usable).</summary>
    public async Task<(bool Sent, string Detail, bool ServerLost)> SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            var answer = await _client.SendAsync(message, ct);
            return (true, answer.Trim(), false);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return (false, $"{Server} rejected the recipient {e.Mailbox?.Address}: {(int)e.StatusCode} {OneLine(e.Message)}; check the account's email address", false);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.SenderNotAccepted)
        {
            return (false, $"{Server} rejected the sender {settings.SmtpFrom}: {(int)e.StatusCode} {OneLine(e.Message)}; check --smtp-from", true);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.MessageNotAccepted)
        {
            return (false, $"{Server} refused the message: {(int)e.StatusCode} {OneLine(e.Message)}", false);
        }
        catch (Exception e) when (ServerProblem(e) is { } line && !ct.IsCancellationRequested)
        {
            // The data may have arrived before the answer was lost: the next notify repeats it under the same Message-ID.
            return (false, line, true);
        }
    }

    private string? ServerProblem(Exception e) => e switch
    {
        SocketException s => $"cannot reach {Server} ({OneLine(s.Message)}); check --smtp-host and --smtp-port",
        SslHandshakeException s => $"TLS with {Server} failed ({OneLine(s.Message)}); check --smtp-tls (none, starttls or tls) and the server's certificate",
        NotSupportedException when settings.SmtpTls == SmtpTls.StartTls => $"{Server} does not offer STARTTLS; use --smtp-tls tls for a TLS port, or none for a trusted local relay",
        AuthenticationException a => $"{Server} refused the login of {settings.SmtpUser} ({OneLine(a.Message)}); check --smtp-user and DORMANT_SMTP_PASSWORD",
        NotSupportedException n => $"{Server}: {OneLine(n.Message)}",
        SmtpCommandException c => $"{Server} answered {(int)c.StatusCode} {OneLine(c.Message)}",
        SmtpProtocolException p => $"{Server} broke off the conversation ({OneLine(p.Message)})",
        ServiceNotConnectedException => $"lost the connection to {Server}",
        IOException io => $"lost the connection to {Server} ({OneLine(io.Message)})",
        TimeoutException => $"{Server} did not answer within {_client.Timeout / 1000} seconds",
        OperationCanceledException => $"{Server} did not answer within {_client.Timeout / 1000} seconds",
        _ => null,
    };

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or SocketException or OperationCanceledException)
        {
            // Every message's outcome is recorded already; a rude goodbye changes none of them.
        }
        _client.Dispose();
    }
}
