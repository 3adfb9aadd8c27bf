using System.Net;
using System.Net.Mail;
using System.Text;

namespace OrgRestructure.Messaging.Email;

/// <summary>Sends one e-mail over SMTP (UTF-8 subject and body, so Vietnamese survives).</summary>
public sealed class SmtpEmailSender(SmtpOptions options)
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        using var message = new MailMessage
        {
            From = new MailAddress(options.From, options.FromName, Encoding.UTF8),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = email.Body,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(email.Address));
        message.Headers.Add("X-OrgRestructure-Notification", email.Id.ToString());
        await client.SendMailAsync(message, cancellationToken);
    }
}
