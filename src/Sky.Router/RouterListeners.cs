namespace Sky.Router;

/// <summary>Where the router listens: plain HTTP, and HTTPS when certificate files are given.</summary>
public sealed record RouterListeners
{
    public const string DefaultHttp = "127.0.0.1:8080";

    /// <summary><c>HOST:PORT</c> of plain HTTP (port 0: any free port); null for none.</summary>
    public string? Http { get; init; } = DefaultHttp;

    public RouterTls? Tls { get; init; }
}
