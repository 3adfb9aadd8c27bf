using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OrgRestructure.Messaging.Email;

/// <summary>
/// Sends one e-mail over SMTP with MailKit: UTF-8 headers and body (Vietnamese survives), TLS on
/// connect (port 465) or STARTTLS when <see cref="SmtpOptions.EnableSsl"/>, authentication when a
/// user name is set, every step bounded by <see cref="SmtpOptions.Timeout"/>. Any failure comes
/// out as an <see cref="EmailDeliveryException"/> naming the server and what it refused.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options)
{
    public const string NotificationHeader = "X-OrgRestructure-Notification";

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var message = Compose(email);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        var server = $"{options.Host}:{options.Port}";
        try
        {
            await client.ConnectAsync(options.Host, options.Port, SocketOptions(), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            var refused = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"the recipient {email.Address}",
                SmtpErrorCode.SenderNotAccepted => $"the sender {options.From}",
                _ => "the message",
            };
            throw new EmailDeliveryException(email.Id, $"SMTP server {server} refused {refused}: {(int)ex.StatusCode} {ex.Message}", permanent: (int)ex.StatusCode >= 500, ex);
        }
        catch (NotSupportedException ex)
        {
            // MailKit's answer when STARTTLS or the login is asked of a server that offers neither.
            throw new EmailDeliveryException(email.Id, $"SMTP server {server} does not support what the settings ask: {ex.Message}", permanent: true, ex);
        }
        catch (AuthenticationException ex)
        {
            throw new EmailDeliveryException(email.Id, $"SMTP server {server} refused the login of {options.UserName}: {ex.Message}", permanent: true, ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or SmtpProtocolException or SslHandshakeException or ServiceNotConnectedException)
        {
            throw new EmailDeliveryException(email.Id, $"SMTP server {server} could not be reached or broke off: {ex.Message}", permanent: false, ex);
        }

        // Accepted is delivered: a QUIT cut short by shutdown must not turn a sent e-mail into an
        // unsent one that the next node sends again. Bounded by the client's timeout.
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or TimeoutException)
        {
        }
    }

    private MimeMessage Compose(OutgoingEmail email)
    {
        if (!MailboxAddress.TryParse(email.Address, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new EmailDeliveryException(email.Id, $"{email.Address} is not an e-mail address", permanent: true, new FormatException(email.Address));
        }

        var message = new MimeMessage { Subject = email.Subject, Body = new TextPart("plain") { Text = email.Body } };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(to);
        message.Headers.Add(NotificationHeader, email.Id.ToString());
        return message;
    }

    private SecureSocketOptions SocketOptions() =>
        !options.EnableSsl ? SecureSocketOptions.None
        : options.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;
}
