namespace Sky.Alerts;

/// <summary>A way to reach people (<c>email</c>, <c>webhook</c>). Throws when the message was not accepted, so it is retried.</summary>
public interface IAlertChannel
{
    string Name { get; }

    /// <summary>The target as it may be shown and stored (a webhook URL's path is its secret).</summary>
    string Describe(string target);

    Task SendAsync(string target, AlertMessage message, CancellationToken cancellationToken);
}
