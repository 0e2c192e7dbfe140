namespace Sky.Cli;

/// <summary>The body of a POST that takes no input (<c>jobs/NAME/start</c>, <c>alerts/ID/ack</c>): <c>{}</c>.</summary>
public sealed record EmptyBody;
