using System.Net;
using System.Net.Mail;

namespace Sky.Alerts;

/// <summary>E-mail over SMTP (System.Net.Mail; MailKit is not available here). The target is the recipient's address.</summary>
public sealed class EmailChannel(SmtpSettings settings) : IAlertChannel
{
    public string Name => "email";

    public SmtpSettings Settings { get; } = settings;

    public string Describe(string target) => target;

    public async Task SendAsync(string target, AlertMessage message, CancellationToken cancellationToken)
    {
        using var mail = new MailMessage(Settings.Sender, target)
        {
            Subject = message.Subject,
            // CRLF as mail wants it; bare LFs would come out as "=0A" in the quoted-printable body.
            Body = message.Body.ReplaceLineEndings("\r\n"),
            Priority = message.Priority == AlertPriority.High ? MailPriority.High : MailPriority.Normal,
        };
        // A new client per message: SmtpClient allows one send at a time, and deliveries run in parallel.
        using var client = new SmtpClient(Settings.Host, Settings.Port)
        {
            EnableSsl = Settings.Tls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 15_000,
        };
        if (Settings.Username is not null)
        {
            client.Credentials = new NetworkCredential(Settings.Username, Settings.Password);
        }

        await client.SendMailAsync(mail, cancellationToken);
    }
}
