using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Fakes;

/// <summary>
/// The IMAP server judges the email reader in other tests, so what it does is checked here: it keeps letters across
/// a restart, refuses a wrong password, speaks TLS only when asked to, and offers IDLE only when asked to.
/// </summary>
public sealed class ImapServerFixtureTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_letter_put_in_is_there_after_a_restart_on_the_same_port()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImapServerFixture.StartAsync(ct);
        var uid = await server.AppendAsync(Letter("Готово"), ct);

        await server.StopAsync(ct);
        await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectAsync(ct));
        await server.StartAgainAsync(ct);

        var (message, flags, stored) = Assert.Single(await server.ReadAsync("INBOX", ct));
        Assert.Equal("Готово", message.Subject);
        Assert.Equal(uid, stored);
        Assert.False(flags.HasFlag(MessageFlags.Seen));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_wrong_password_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImapServerFixture.StartAsync(ct);
        using var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None, ct);

        // One mechanism: Dovecot delays each further failure from the same address, and MailKit would try three.
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(new SaslMechanismPlain(ImapServerFixture.User, "wrong"), ct));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task With_a_certificate_the_server_speaks_tls(bool sslOnConnect)
    {
        var ct = TestContext.Current.CancellationToken;
        var certificate = TestCertificate.Create(Directory.CreateTempSubdirectory("nokobot-cert-").FullName);
        await using var server = await ImapServerFixture.StartAsync(ct, certificate, sslOnConnect);

        using (var client = await server.ConnectAsync(ct))
        {
            Assert.True(client.IsSecure);
            Assert.True(client.IsAuthenticated);
        }
        using var plain = new ImapClient { Timeout = 2_000 };
        if (sslOnConnect)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => plain.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None, ct));
        }
        else
        {
            // Dovecot counts a loopback connection as secure and lets it log in without TLS; it offers STARTTLS all the same.
            await plain.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None, ct);
            Assert.True(plain.Capabilities.HasFlag(ImapCapabilities.StartTLS));
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Idle_is_offered_only_when_asked_for(bool idle)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImapServerFixture.StartAsync(ct, idle: idle);
        using var client = await server.ConnectAsync(ct);

        Assert.Equal(idle, client.Capabilities.HasFlag(ImapCapabilities.Idle));
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.Move));
    }

    private static MimeMessage Letter(string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "текст" } };
        message.From.Add(MailboxAddress.Parse("member@example.org"));
        message.To.Add(MailboxAddress.Parse(ImapServerFixture.User));
        return message;
    }
}
