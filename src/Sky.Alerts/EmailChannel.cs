using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace Sky.Alerts;

/// <summary>E-mail over SMTP (MailKit). The target is the recipient's address.</summary>
public sealed class EmailChannel(SmtpSettings settings) : IAlertChannel
{
    public string Name => "email";

    public SmtpSettings Settings { get; } = settings;

    public string Describe(string target) => target;

    public async Task SendAsync(string target, AlertMessage message, CancellationToken cancellationToken)
    {
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(Settings.Sender));
        mail.To.AddRange(InternetAddressList.Parse(target));
        mail.Subject = message.Subject;
        mail.Body = new TextPart(TextFormat.Plain) { Text = message.Body };
        if (message.Priority == AlertPriority.High)
        {
            // The three headers System.Net.Mail wrote for MailPriority.High, which mail clients still read.
            mail.Priority = MessagePriority.Urgent;
            mail.Importance = MessageImportance.High;
            mail.XPriority = XMessagePriority.Highest;
        }

        // A new client per message: a client sends one message at a time, and deliveries run in parallel.
        using var client = new SmtpClient { Timeout = 15_000 };
        // STARTTLS only when the settings ask for it, and then required; never opportunistically, so a server that
        // offers STARTTLS with a certificate nobody can check still takes plain mail when tls is off.
        await client.ConnectAsync(Settings.Host, Settings.Port, Settings.Tls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        // Credentials are used where the server offers AUTH, as System.Net.Mail did; a server that needs them and
        // offers none refuses the message, and that error goes to the dispatcher like any other.
        if (Settings.Username is not null && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            await client.AuthenticateAsync(Settings.Username, Settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
