namespace Sky.Alerts;

/// <summary>
/// What a channel sends: a one-line subject (the e-mail subject, the Slack text), a body of details, the same details
/// as fields for webhooks, and a colour for Slack (<c>danger</c>, <c>warning</c>, <c>good</c>).
/// </summary>
public sealed record AlertMessage(string Subject, string Body, IReadOnlyList<KeyValuePair<string, string>> Fields, AlertPriority Priority, string Color);
