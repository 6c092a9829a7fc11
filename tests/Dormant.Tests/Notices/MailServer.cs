using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Dormant.Tests.Notices;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 for one test: it keeps every message it
/// accepted, and can require a login, refuse recipients, or hold a message before answering.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<MimeMessage> _received = new();

    private MailServer(int port, string? user, string? password, Func<string, bool> refuse, Func<int, TimeSpan> hold)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(user is not null))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this, hold));
        services.Add(new Filter(refuse));
        if (user is not null) services.Add(new Login(user, password!));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }
    public IReadOnlyList<MimeMessage> Received => [.. _received];
    public int Saved => _saves;
    private int _saves;

    public static MailServer Start(string? user = null, string? password = null, Func<string, bool>? refuse = null, Func<int, TimeSpan>? hold = null) =>
        new(FreePort(), user, password, refuse ?? (_ => false), hold ?? (_ => TimeSpan.Zero));

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is OperationCanceledException or TimeoutException) { }
        _stop.Dispose();
    }

    private sealed class Store(MailServer server, Func<int, TimeSpan> hold) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken ct)
        {
            // Kept on arrival, before the answer: a message held here has reached the server even if the sender never hears back.
            using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            var n = Interlocked.Increment(ref server._saves);
            if (hold(n) is { } wait && wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(Func<string, bool> refuse) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken ct) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken ct) =>
            Task.FromResult(!refuse(to.AsAddress()));
    }

    private sealed class Login(string user, string password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string u, string p, CancellationToken ct) => Task.FromResult(u == user && p == password);
    }
}
