namespace Sky.Api;

/// <summary>How a daemon runs: where it listens, where it keeps its data, which namespace of the engine it manages.</summary>
public sealed record DaemonOptions
{
    public const string DefaultListen = "127.0.0.1:7070";

    /// <summary><c>HOST:PORT</c>; loopback unless someone deliberately says otherwise.</summary>
    public string Listen { get; init; } = DefaultListen;

    public required string DataDirectory { get; init; }

    /// <summary>The router's listeners (<c>router.listen</c> in the settings, <c>sky daemon --router-listen</c>).</summary>
    public Sky.Router.RouterListeners Router { get; init; } = new();

    /// <summary>
    /// sky's StatsD server; null: none. <c>sky daemon</c> takes it from the settings file (default 127.0.0.1:8125) and
    /// <c>--statsd-listen</c>; a daemon built in code (a test) listens only when asked, so that several can run at once.
    /// </summary>
    public Sky.Metrics.StatsD.StatsdSettings? Statsd { get; init; }

    /// <summary>
    /// Whether the daemon compacts its process's heap after a burst (<see cref="Maintenance.HeapCompaction"/>). A
    /// collection is the whole process's: <c>sky daemon</c> owns its process and says so; a daemon built in code (a
    /// test host running many at once) shares it and leaves the collector alone.
    /// </summary>
    public bool CompactsHeap { get; init; }

    /// <summary>Whether StatsD also listens on the engine's bridge and containers are told where (<c>statsd.containers</c>).</summary>
    public bool StatsdForContainers { get; init; } = true;

    /// <summary>Scopes names and labels, so daemons sharing one engine never see each other's containers; null for the plain names.</summary>
    public string? Namespace { get; init; }

    /// <summary>The data folder: <c>SKY_DATA_DIR</c>, else <c>$XDG_DATA_HOME/sky</c>, else <c>~/.local/share/sky</c>.</summary>
    public static string DefaultDataDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("SKY_DATA_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "sky");
    }
}
