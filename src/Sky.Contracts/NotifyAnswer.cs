namespace Sky.Contracts;

/// <summary>What the daemon queued for delivery (<c>email jane@example.com</c>, <c>webhook https://hooks.example.com/…</c>).</summary>
public sealed record NotifyAnswer(IReadOnlyList<string> Queued);
