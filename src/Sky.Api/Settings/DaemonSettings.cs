using Sky.Alerts;

namespace Sky.Api.Settings;

/// <summary>
/// The daemon's own settings (<c>sky daemon --config FILE</c>, documented in <c>docs/daemon-settings.yml</c>). Every
/// key has a default, so no file at all is a valid configuration; command-line options override the file.
/// </summary>
public sealed record DaemonSettings
{
    public string Listen { get; init; } = DaemonOptions.DefaultListen;

    /// <summary>Null: <see cref="DaemonOptions.DefaultDataDirectory"/>.</summary>
    public string? DataDirectory { get; init; }

    public string? Namespace { get; init; }

    /// <summary>Null: no mail server, so alerts and notifications go to webhooks only.</summary>
    public SmtpSettings? Smtp { get; init; }

    public WebhookSettings Webhooks { get; init; } = new();

    public EscalationSettings Escalation { get; init; } = new();

    public OneOffSettings OneOff { get; init; } = new();

    public JobSettings Jobs { get; init; } = new();

    public LogSettings Logs { get; init; } = new();

    public Sky.Metrics.MetricsSettings Metrics { get; init; } = new();

    /// <summary>sky's StatsD server; null: none (<c>statsd.listen: off</c>).</summary>
    public Sky.Metrics.StatsD.StatsdSettings? Statsd { get; init; } = new();

    /// <summary>Whether StatsD also listens where containers reach it, and containers get <c>STATSD_HOST</c> and <c>STATSD_PORT</c>.</summary>
    public bool StatsdForContainers { get; init; } = true;

    /// <summary>Null: metrics are kept and exposed for Prometheus, not sent to Graphite.</summary>
    public Sky.Metrics.Export.GraphiteSettings? Graphite { get; init; }

    /// <summary>
    /// The image registry (<c>HOST:PORT</c>) that <c>sky build --push</c> pushes to and the engine pulls missing images
    /// from: the only place sky ever pulls from. Null: none, and nothing is ever pulled.
    /// </summary>
    public string? Registry { get; init; }

    /// <summary>
    /// Folders the daemon applies by itself (<c>watch:</c>, <c>sky daemon --watch</c>): each is a source named by its
    /// full path, applied when it starts and after every change once the folder has been quiet for a moment.
    /// </summary>
    public IReadOnlyList<string> Watch { get; init; } = [];

    /// <summary>Where the router listens: plain HTTP on 127.0.0.1:8080 unless the file says otherwise (<c>router:</c>).</summary>
    public Sky.Router.RouterListeners Router { get; init; } = new();
}
