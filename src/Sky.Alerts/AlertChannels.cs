using Sky.Model;

namespace Sky.Alerts;

/// <summary>
/// Which channels a priority reaches. E-mail to the maintainer is sent at every priority (flagged urgent when high),
/// so an escalation is never silent; each priority also has its own webhook when configured.
/// </summary>
public sealed class AlertChannels(SmtpSettings? smtp, WebhookSettings webhooks, HttpClient http)
{
    /// <summary>Null when no SMTP server is configured.</summary>
    public EmailChannel? Email { get; } = smtp is null ? null : new EmailChannel(smtp);

    public WebhookChannel Webhook { get; } = new(http);

    public WebhookSettings Webhooks { get; } = webhooks;

    /// <summary>What is written where no channel reaches anyone, so nobody reads "sent" where nothing was.</summary>
    public const string NobodyTold = "no channel configured: nobody was told";

    public IReadOnlyList<Delivery> For(Notice notice, Maintainer? maintainer, long? alertId, AlertMessage message)
    {
        var deliveries = new List<Delivery>();
        var noticeName = SignalNames.Of(notice.Kind);
        var (service, instance) = (notice.Incident.Service, notice.Incident.Instance);
        if (Email is not null && maintainer is not null && notice.Priorities.Count > 0)
        {
            deliveries.Add(new Delivery(alertId, Email, maintainer.Email, message, noticeName, service, instance));
        }

        foreach (var priority in notice.Priorities.Distinct())
        {
            if (Webhooks.For(priority) is { } url && deliveries.All(d => d.Target != url.ToString()))
            {
                deliveries.Add(new Delivery(alertId, Webhook, url.ToString(), message, noticeName, service, instance));
            }
        }

        return deliveries;
    }

    /// <summary>
    /// Why a notice meant for people (it has priorities) reaches nobody: no SMTP settings or no maintainer to e-mail,
    /// and no webhook for its priorities. Null when a channel takes it, or when it was never meant to go out.
    /// </summary>
    public string? Silence(Notice notice, Maintainer? maintainer, int deliveries) =>
        deliveries > 0 || notice.Priorities.Count == 0 ? null
        : Email is not null && maintainer is null ? "no maintainer to e-mail and no webhook configured: nobody was told"
        : NobodyTold;
}
