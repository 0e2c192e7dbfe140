namespace Sky.Router.Down;

/// <summary>The down page as JSON, for a client that asks for it: why nothing behind the host can answer.</summary>
internal sealed record DownAnswer(string Status, string Host, int RetryAfterSeconds, IReadOnlyList<InstanceOutage> Instances);
