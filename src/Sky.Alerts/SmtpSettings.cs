namespace Sky.Alerts;

/// <summary>The mail server alerts go through. The password is never printed: <see cref="ToString"/> leaves it out.</summary>
public sealed record SmtpSettings
{
    public const int DefaultPort = 25;

    public required string Host { get; init; }

    public int Port { get; init; } = DefaultPort;

    /// <summary>The From address of every message sky sends.</summary>
    public required string Sender { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>STARTTLS before authenticating and sending.</summary>
    public bool Tls { get; init; }

    public override string ToString() => $"smtp://{Host}:{Port} from {Sender}{(Username is null ? "" : $" as {Username}")}{(Tls ? " (tls)" : "")}";
}
