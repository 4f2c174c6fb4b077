using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NokoBot.Email;

/// <summary>One message of a batch; <see cref="DeliveryKey"/> is its delivery-ledger key.</summary>
public sealed record OutgoingEmail(string DeliveryKey, MimeMessage Message);

public enum EmailOutcome
{
    Sent,
    /// <summary>4xx, connection refused, timeout: try again later.</summary>
    Transient,
    /// <summary>5xx for the recipient or the message: retrying will not help.</summary>
    Permanent,
}

/// <param name="Detail">The server's answer (or why there was none).</param>
public sealed record EmailResult(string DeliveryKey, EmailOutcome Outcome, string Detail);

/// <summary>
/// Sends a batch over one SMTP connection (connect, authenticate if offered, send each, disconnect) and
/// sorts every message into sent / transient / permanent, so one refused recipient never blocks the rest.
/// </summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, ILogger<EmailSender> logger)
{
    private readonly SmtpOptions _options = options.Value;
    private readonly System.Net.Security.RemoteCertificateValidationCallback? _trust = CertificateTrust.For(options.Value.TrustedCertificate);

    public async Task<IReadOnlyList<EmailResult>> SendBatchAsync(IReadOnlyList<OutgoingEmail> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return [];
        var server = $"{_options.Host}:{_options.Port}";
        EmailLog.BatchStarting(logger, batch.Count, server);

        using var client = new TolerantSmtpClient { Timeout = _options.TimeoutSeconds * 1000, ServerCertificateValidationCallback = _trust };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, SocketOptions(_options.Security), ct);
            if (!string.IsNullOrEmpty(_options.User) && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                await client.AuthenticateAsync(_options.User, _options.Password ?? "", ct);
        }
        catch (AuthenticationException e)
        {
            EmailLog.AuthenticationFailed(logger, e, _options.User ?? "", server);
            return AllTransient(batch, "SMTP authentication failed");
        }
        catch (Exception e) when (IsConnectionProblem(e, ct))
        {
            EmailLog.ServerUnavailable(logger, e, server, batch.Count);
            return AllTransient(batch, $"SMTP server unavailable: {e.Message}");
        }

        var results = new List<EmailResult>(batch.Count);
        try
        {
            foreach (var email in batch)
            {
                ct.ThrowIfCancellationRequested();
                var result = client.IsConnected
                    ? await SendOneAsync(client, email, ct)
                    : new EmailResult(email.DeliveryKey, EmailOutcome.Transient, "SMTP connection lost earlier in the batch");
                Log(email, result);
                results.Add(result);
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(true, ct);
                }
                catch (Exception e) when (IsConnectionProblem(e, ct))
                {
                    EmailLog.DisconnectFailed(logger, e, server);
                }
            }
        }
        return results;
    }

    private static async Task<EmailResult> SendOneAsync(TolerantSmtpClient client, OutgoingEmail email, CancellationToken ct)
    {
        client.Rejected.Clear();
        try
        {
            var answer = await client.SendAsync(email.Message, ct);
            var recipients = email.Message.GetRecipients(onlyUnique: true).Count;
            if (client.Rejected.Count == 0) return new(email.DeliveryKey, EmailOutcome.Sent, answer);
            var refusal = string.Join("; ", client.Rejected.Select(r => $"{r.Mailbox.Address}: {(int)r.Response.StatusCode} {r.Response.Response}"));
            if (client.Rejected.Count < recipients) return new(email.DeliveryKey, EmailOutcome.Sent, $"{answer} (refused {refusal})");
            var temporary = client.Rejected.Any(r => (int)r.Response.StatusCode < 500);
            return new(email.DeliveryKey, temporary ? EmailOutcome.Transient : EmailOutcome.Permanent, refusal);
        }
        catch (SmtpCommandException) when (client.Rejected.Count > 0)
        {
            // Every recipient refused: MailKit reports "554 No recipients were accepted"; the RCPT answers say why.
            var refusal = string.Join("; ", client.Rejected.Select(r => $"{r.Mailbox.Address}: {(int)r.Response.StatusCode} {r.Response.Response}"));
            var temporary = client.Rejected.Any(r => (int)r.Response.StatusCode < 500);
            return new(email.DeliveryKey, temporary ? EmailOutcome.Transient : EmailOutcome.Permanent, refusal);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            return new(email.DeliveryKey, code >= 500 ? EmailOutcome.Permanent : EmailOutcome.Transient, $"{code} {e.Message}");
        }
        catch (Exception e) when (IsConnectionProblem(e, ct))
        {
            return new(email.DeliveryKey, EmailOutcome.Transient, e.Message);
        }
    }

    private void Log(OutgoingEmail email, EmailResult result)
    {
        var to = string.Join(", ", email.Message.To.Mailboxes.Select(m => m.Address));
        switch (result.Outcome)
        {
            case EmailOutcome.Sent: EmailLog.Sent(logger, email.DeliveryKey, to, result.Detail); break;
            case EmailOutcome.Permanent: EmailLog.Refused(logger, email.DeliveryKey, to, result.Detail); break;
            default: EmailLog.Deferred(logger, email.DeliveryKey, to, result.Detail); break;
        }
    }

    private static EmailResult[] AllTransient(IReadOnlyList<OutgoingEmail> batch, string why) =>
        [.. batch.Select(e => new EmailResult(e.DeliveryKey, EmailOutcome.Transient, why))];

    /// <summary>Failures of the link or the server's state, not of one message: retry later. Our own cancellation is not one.</summary>
    private static bool IsConnectionProblem(Exception e, CancellationToken ct) => e switch
    {
        OperationCanceledException => !ct.IsCancellationRequested, // MailKit's own timeout
        SocketException or IOException or TimeoutException or SmtpProtocolException or SslHandshakeException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException => true,
        SmtpCommandException => true, // EHLO/STARTTLS refused during connect
        _ => false,
    };

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>MailKit aborts a whole message when one recipient is refused; this records the refusal instead.</summary>
    private sealed class TolerantSmtpClient : SmtpClient
    {
        public List<(MailboxAddress Mailbox, SmtpResponse Response)> Rejected { get; } = [];

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
            Rejected.Add((mailbox, response));
    }
}
