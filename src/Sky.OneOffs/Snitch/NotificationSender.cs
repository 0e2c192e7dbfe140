using Sky.Alerts;
using Sky.Contracts;

namespace Sky.OneOffs.Snitch;

/// <summary>
/// Sends a one-off notice (snitch, <c>POST /api/v1/notify</c>) through the daemon's SMTP settings and/or to a webhook,
/// queued with the same retries as alerts. A notice that cannot be sent as asked is refused whole: nothing is queued.
/// </summary>
public sealed class NotificationSender(AlertChannels channels, AlertDispatcher dispatcher)
{
    /// <summary>How long <see cref="SendAndWaitAsync"/> waits for first attempts (a channel's own timeout is 15 s).</summary>
    public static readonly TimeSpan FirstAttemptWait = TimeSpan.FromSeconds(10);

    private const int MaxSubject = 500;
    private const int MaxText = 64 * 1024;

    /// <summary>Queues the notice and says where to; or, when it cannot be sent, says why and queues nothing.</summary>
    public (IReadOnlyList<string> Queued, string? Problem) Send(NotifyRequest request)
    {
        if (Problem(request) is { } problem)
        {
            return ([], problem);
        }

        var deliveries = Deliveries(request);
        foreach (var delivery in deliveries)
        {
            dispatcher.Enqueue(delivery);
        }

        return (deliveries.Select(Label).ToList(), null);
    }

    /// <summary>
    /// Queues the notice as <see cref="Send"/> does, then waits (up to <see cref="FirstAttemptWait"/>) for each channel's
    /// first attempt, so that the answer says who was told rather than only what was queued.
    /// </summary>
    public async Task<(NotifyAnswer? Answer, string? Problem)> SendAndWaitAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
        if (Problem(request) is { } problem)
        {
            return (null, problem);
        }

        var deliveries = Deliveries(request);
        var attempts = deliveries.Select(dispatcher.EnqueueWatchedAsync).ToList();
        try
        {
            await Task.WhenAll(attempts).WaitAsync(FirstAttemptWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Those without an answer yet are reported as such; they are still being tried.
        }

        var outcomes = deliveries.Zip(attempts, (delivery, attempt) => attempt.IsCompletedSuccessfully
            ? new NotifyDeliveryView(delivery.Channel.Name, delivery.Channel.Describe(delivery.Target), attempt.Result is null, attempt.Result)
            : new NotifyDeliveryView(delivery.Channel.Name, delivery.Channel.Describe(delivery.Target), null, null));
        return (new NotifyAnswer(deliveries.Select(Label).ToList(), outcomes.ToList()), null);
    }

    private List<Delivery> Deliveries(NotifyRequest request)
    {
        var fields = (request.Fields ?? new Dictionary<string, string>()).ToList();
        var message = new AlertMessage(request.Subject!, request.Text ?? "", fields, AlertPriority.Low, request.Failed ? "danger" : "good");
        var deliveries = new List<Delivery>();
        if (request.Email is { } email)
        {
            deliveries.Add(new Delivery(null, channels.Email!, email, message, "notify"));
        }

        if (request.Webhook is { } webhook)
        {
            deliveries.Add(new Delivery(null, channels.Webhook, webhook, message, "notify"));
        }

        return deliveries;
    }

    private static string Label(Delivery delivery) => $"{delivery.Channel.Name} {delivery.Channel.Describe(delivery.Target)}";

    private string? Problem(NotifyRequest request)
    {
        if (request.Email is null && request.Webhook is null)
        {
            return "say where to send it: email, webhook or both";
        }

        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > MaxSubject || request.Subject.Contains('\n', StringComparison.Ordinal))
        {
            return $"subject must be one line of 1 to {MaxSubject} characters";
        }

        if (request.Text is { Length: > MaxText })
        {
            return $"text is longer than {MaxText} characters";
        }

        if (request.Email is { } email)
        {
            if (email.IndexOf('@', StringComparison.Ordinal) <= 0 || email.EndsWith('@') || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                return $"'{email}' is not an e-mail address";
            }

            if (channels.Email is null)
            {
                return "this daemon has no SMTP settings (smtp: in its settings file), so it cannot send e-mail";
            }
        }

        if (request.Webhook is { } webhook
            && !(Uri.TryCreate(webhook, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            return $"'{webhook}' is not an http or https URL";
        }

        return null;
    }
}
