namespace Sky.Supervisor.Health;

/// <summary>The result of one check run, with the sentence shown as "last check" in the status.</summary>
public sealed record CheckOutcome(bool Ok, string Text);
