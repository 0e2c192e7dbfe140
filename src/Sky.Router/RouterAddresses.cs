namespace Sky.Router;

/// <summary>Where the router really listens once started (the port chosen when the settings say port 0).</summary>
public sealed class RouterAddresses
{
    /// <summary><c>http://HOST:PORT</c>, or null when there is no plain HTTP listener (or it has not started).</summary>
    public string? Http { get; set; }

    /// <summary><c>https://HOST:PORT</c>, or null.</summary>
    public string? Https { get; set; }
}
