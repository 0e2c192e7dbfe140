using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Model;
using Sky.Model.Metrics;
using Sky.Model.Routing;

namespace Sky.Configuration.Keys;

/// <summary>
/// The configuration keys, each defined once: where it may stand, how an instance inherits it, how its value is
/// read, which container properties it fills and what it is for. Reading checks keys against this table (with a
/// did-you-mean for unknown ones), instances inherit by it, and docs/configuration-keys.md is rendered from it.
/// A new key is one row here, added to <see cref="All"/>, plus the code that acts on its value.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>More containers than one engine could hold; the cap keeps a typo (or fuzzed input) from exhausting memory.</summary>
    private const int MaxReplicas = 1000;

    private static readonly Dictionary<string, MissedRunPolicy> MissedChoices = new(StringComparer.Ordinal)
    {
        ["skip"] = MissedRunPolicy.Skip,
        ["run-once"] = MissedRunPolicy.RunOnce,
    };

    private static readonly Dictionary<string, OverlapPolicy> OverlapChoices = new(StringComparer.Ordinal)
    {
        ["skip"] = OverlapPolicy.Skip,
        ["queue"] = OverlapPolicy.Queue,
        ["replace"] = OverlapPolicy.Replace,
    };

    public static readonly ConfigurationKey<Maintainer?> Maintainer = new()
    {
        Name = "maintainer",
        Places = KeyPlaces.Entry,
        Inheritance = Inheritance.ServiceValue,
        Value = "a mapping with `name` and `email`",
        Example = "{ name: Jane Doe, email: jane@example.com }",
        Summary = "who answers for it: alerts and job notifications go to them",
        Read = (r, node, path) => r.Maintainers.Read(node, path),
    };

    public static readonly ConfigurationKey<Located<ImageReference>?> Image = new()
    {
        Name = "image",
        Places = KeyPlaces.Entry,
        Inheritance = Inheritance.ImageAndVersion,
        Container = [nameof(ContainerSpec.Image)],
        Value = "an image name, with or without its tag",
        Example = "my-application",
        Summary = "the image to run, tagged `version` (or `latest`) unless it names its tag: `image: base:0.7`",
        Read = (r, node, path) => r.Image(node, path),
    };

    public static readonly ConfigurationKey<Located<string>?> Version = new()
    {
        Name = "version",
        Places = KeyPlaces.Entry,
        Inheritance = Inheritance.ImageAndVersion,
        Container = [nameof(ContainerSpec.Image)],
        Value = "an image tag",
        Example = "1.0-SNAPSHOT",
        Summary = "the tag of `image`; not beside an image that names its tag",
        Read = (r, node, path) => r.Version(node, path),
    };

    public static readonly ConfigurationKey<IReadOnlyList<string>?> Command = new()
    {
        Name = "command",
        Places = KeyPlaces.Entry,
        Container = [nameof(ContainerSpec.Command)],
        Value = "a string, or a list of strings",
        Example = "echo \"Hey I'm still alive!\"",
        Summary = "the command to run instead of the image's: a string runs through `/bin/sh -c`, a list is the exec form",
        Read = (r, node, path) => r.Values.Command(node, path),
    };

    public static readonly ConfigurationKey<IReadOnlyDictionary<string, string>?> Env = new()
    {
        Name = "env",
        Places = KeyPlaces.Entry,
        Inheritance = Inheritance.MergeByKey,
        Container = [nameof(ContainerSpec.Environment)],
        Value = "a mapping of variable names to values",
        Example = "{ RUNTIME_ENV: production, LOG_LEVEL: info }",
        Summary = "environment variables, laid over those that announce its dependencies; `VIRTUAL_HOST` binds it to host names in the router (with `VIRTUAL_PORT`, one of `ports`, and `VIRTUAL_PATH`, a path prefix)",
        Read = (r, node, path) => r.Values.Env(node, path),
    };

    public static readonly ConfigurationKey<long?> Memory = new()
    {
        Name = "memory",
        Places = KeyPlaces.Entry,
        Container = [nameof(ContainerSpec.MemoryBytes)],
        Value = "a size (`512m`, `1g`, `1.5g`)",
        Example = "1g",
        Summary = "memory limit of the container",
        Read = (r, node, path) => r.Values.Size(node, path),
    };

    public static readonly ConfigurationKey<double?> Cpus = new()
    {
        Name = "cpus",
        Places = KeyPlaces.Entry,
        Container = [nameof(ContainerSpec.Cpus)],
        Value = "a number above 0",
        Example = "0.5",
        Summary = "CPU limit of the container",
        Read = (r, node, path) => r.Values.Cpus(node, path),
    };

    public static readonly ConfigurationKey<IReadOnlyList<VolumeMount>?> Volumes = new()
    {
        Name = "volumes",
        Places = KeyPlaces.Entry,
        Container = [nameof(ContainerSpec.Volumes)],
        Value = "a list of `name:/path`, `/host:/path` or `./folder:/path` (`:ro` to mount read-only), or of mappings with `source`, `target` and `read-only`",
        Example = "[ \"data:/var/lib/data\" ]",
        Summary = "named volumes (created and labelled by sky) and host folders to mount",
        Read = (r, node, path) => r.Volumes.Read(node, path),
    };

    public static readonly ConfigurationKey<RestartPolicy?> Restart = new()
    {
        Name = "restart",
        Places = KeyPlaces.Entry,
        Container = [nameof(ContainerSpec.Restart)],
        Value = "`no`, `on-failure[:N]`, `always` or `unless-stopped`",
        Example = "always",
        Summary = "what sky does when a service's container stops by itself (default `on-failure:5`, with back-off)",
        Read = (r, node, path) => r.Values.Restart(node, path),
    };

    public static readonly ConfigurationKey<IReadOnlyList<int>?> Ports = new()
    {
        Name = "ports",
        Places = KeyPlaces.Service | KeyPlaces.Instance,
        Container = [nameof(ContainerSpec.Ports)],
        Value = "a list of ports, or one",
        Example = "[ 8080 ]",
        Summary = "container ports it serves, each published on 127.0.0.1; the first is its main port",
        Read = (r, node, path) => r.Values.Ports(node, path),
    };

    public static readonly ConfigurationKey<IReadOnlyList<Located<string>>?> Requires = new()
    {
        Name = "requires",
        Places = KeyPlaces.Service | KeyPlaces.Instance,
        Container = [nameof(ContainerSpec.Environment), nameof(ContainerSpec.DependsOn)],
        Value = "a list of service names, or one",
        Example = "[ database ]",
        Summary = "services it needs: each instance gets its own copy (`SERVICE-INSTANCE-DEPENDENCY`), announced as `DATABASE_HOST`, `DATABASE_PORT`",
        Read = (r, node, path) => r.Requires(node, path),
    };

    public static readonly ConfigurationKey<IReadOnlyList<InstanceEntry>?> Instances = new()
    {
        Name = "instances",
        Places = KeyPlaces.Service,
        NotOnInstance = "an instance cannot have instances of its own",
        Value = "a mapping of instance names to the keys they override",
        Example = "{ production: { version: 1.0-SNAPSHOT } }",
        Summary = "named instances, each with its own containers and network, and every key of the service unless it overrides it",
        Read = (r, node, path) => r.Instances(node, path),
    };

    public static readonly ConfigurationKey<int?> Replicas = new()
    {
        Name = "replicas",
        Places = KeyPlaces.Service | KeyPlaces.Instance,
        Value = $"a number from 1 to {MaxReplicas}",
        Example = "3",
        Summary = "containers per instance, load-balanced by the router (default 1)",
        Read = (r, node, path) => r.Values.AtLeastOne(node, path, "replicas", MaxReplicas),
    };

    public static readonly ConfigurationKey<IReadOnlyList<CheckDraft>?> Checks = new()
    {
        Name = "checks",
        Places = KeyPlaces.Service | KeyPlaces.Instance,
        Container = [nameof(ContainerSpec.Checks)],
        Value = "a list of checks (keys below)",
        Example = "[ { http: /health, port: 8080 } ]",
        Summary = "lifecycle checks: a container is healthy when they pass",
        Read = (r, node, path) => r.Checks.Read(node, path),
    };

    public static readonly ConfigurationKey<NestedKeys?> Router = new()
    {
        Name = "router",
        Places = KeyPlaces.Service | KeyPlaces.Instance,
        Inheritance = Inheritance.MergeByKey,
        Value = "a mapping of the router keys below",
        Example = "{ balancing: least-requests, drain-timeout: 30s, breaker: { failure-ratio: 50% } }",
        Summary = "how the router treats the routes of each instance: balancing, breaker, drain time, down page; applied without touching containers",
        Read = (r, node, path) => r.Nested(node, path, KeyPlaces.Router, "a mapping of router settings (balancing, breaker, ...)"),
    };

    public static readonly ConfigurationKey<Located<MirrorSpec>?> Mirror = new()
    {
        Name = "mirror",
        Places = KeyPlaces.Instance,
        Value = "the name of another instance of the service, or a mapping with `to` and `percent` (1 to 100, default 100)",
        Example = "{ to: dev, percent: 50 }",
        Summary = "a copy of the requests routed to this instance also goes to that instance; its answers are thrown away",
        Read = (r, node, path) => r.Mirrors.Read(node, path),
    };

    public static readonly ConfigurationKey<NestedKeys?> Metrics = new()
    {
        Name = "metrics",
        Places = KeyPlaces.Service | KeyPlaces.Instance,
        Inheritance = Inheritance.MergeByKey,
        Value = "a mapping of the metrics keys below",
        Example = "{ prometheus: /metrics, interval: 30s }",
        Summary = "endpoints of its containers that sky polls for the application's own metrics, and where they go in Graphite; applied without touching containers",
        Read = (r, node, path) => r.Nested(node, path, KeyPlaces.Metrics, "a mapping of metrics settings (expvar, prometheus, interval, ...)"),
    };

    public static readonly ConfigurationKey<IReadOnlyList<Located<MetricRule>>?> Alerts = new()
    {
        Name = "alerts",
        Places = KeyPlaces.Service | KeyPlaces.Instance,
        Value = "a list of rules (keys below)",
        Example = "[ { metric: requests.5xx.rate, above: 5, for: 1m } ]",
        Summary = "metric rules that alert its maintainer; an instance's list replaces its service's whole (like `checks`), so it can drop or loosen a rule: repeat the ones it keeps, or write `alerts: []` for none",
        Read = (r, node, path) => r.Alerts.Read(node, path),
    };

    public static readonly ConfigurationKey<NestedKeys?> Deploy = new()
    {
        Name = "deploy",
        Places = KeyPlaces.Service | KeyPlaces.Instance,
        Inheritance = Inheritance.MergeByKey,
        Value = "a mapping of the deploy keys below",
        Example = "{ parallel: 2, order: start-first, min-healthy: 50%, health-timeout: 2m }",
        Summary = "how a change of each instance rolls out over its replicas: batch size, order, capacity kept, time to pass the checks, rollback on failure; applied without touching containers",
        Read = (r, node, path) => r.Nested(node, path, KeyPlaces.Deploy, "a mapping of deploy settings (parallel, order, min-healthy, ...)"),
    };

    public static readonly ConfigurationKey<Located<string>?> Every = new()
    {
        Name = "every",
        Places = KeyPlaces.Job,
        NotOnInstance = "an instance cannot have 'every' (a recurrent job is a top-level entry)",
        Value = "a schedule",
        Example = "1 day at 17:00",
        Summary = "makes the entry a recurrent job run on this schedule: `15 minutes`, `1 day at 17:00`, `weekdays at 08:00`, `monday at 09:30` or a cron expression",
        Read = (r, node, path) => r.Located(node, path, "a schedule (1 day at 17:00, 15 minutes, a cron expression)"),
    };

    public static readonly ConfigurationKey<string?> TimeZone = new()
    {
        Name = "timezone",
        Places = KeyPlaces.Job,
        Value = "an IANA time zone",
        Example = "Europe/Paris",
        Summary = "the time zone `every` is read in (default UTC)",
        Read = (r, node, path) => r.TimeZone(node, path),
    };

    public static readonly ConfigurationKey<bool?> NotifyOnCompletion = new()
    {
        Name = "notify-on-completion",
        Places = KeyPlaces.Job,
        Value = "`true` or `false`",
        Example = "true",
        Summary = "notify the maintainer when a run ends",
        Read = (r, node, path) => r.Values.Bool(node, path),
    };

    public static readonly ConfigurationKey<MissedRunPolicy?> Missed = new()
    {
        Name = "missed",
        Places = KeyPlaces.Job,
        Value = Words(MissedChoices.Keys),
        Example = "run-once",
        Summary = "what to do about runs missed while sky was down: nothing, or one run now (default `skip`)",
        Read = (r, node, path) => r.Values.Choice(node, path, "a missed-run policy", MissedChoices),
    };

    public static readonly ConfigurationKey<OverlapPolicy?> Overlap = new()
    {
        Name = "overlap",
        Places = KeyPlaces.Job,
        Value = Words(OverlapChoices.Keys),
        Example = "queue",
        Summary = "what to do when a run is due while the last one still runs: skip it, queue it, or replace the last one (default `skip`)",
        Read = (r, node, path) => r.Values.Choice(node, path, "an overlap policy", OverlapChoices),
    };

    public static readonly ConfigurationKey<TimeSpan?> Timeout = new()
    {
        Name = "timeout",
        Places = KeyPlaces.Job,
        Value = "a duration (`30s`, `5m`, `1h`)",
        Example = "1h",
        Summary = "a run still going after this long is stopped and recorded as failed (default: no limit)",
        Read = (r, node, path) => r.Values.Duration(node, path),
    };

    /// <summary>
    /// Every row, declared after them (static fields are set in order). Within each kind of mapping the order is
    /// the documentation's, and breaks ties between equally close did-you-mean candidates.
    /// </summary>
    public static IReadOnlyList<ConfigurationKey> All { get; } =
    [
        Maintainer, Image, Version, Command, Env, Memory, Cpus, Volumes, Restart,
        Ports, Requires, Instances, Replicas, Checks, Router, Mirror, Metrics, Alerts, Deploy,
        Every, TimeZone, NotifyOnCompletion, Missed, Overlap, Timeout,
        .. CheckKeys.All,
        .. RouterKeys.All,
        .. MetricsKeys.All,
        .. AlertRuleKeys.All,
        .. DeployKeys.All,
    ];

    /// <summary>The keys of services, instances and jobs.</summary>
    public static IReadOnlyList<ConfigurationKey> OfEntries { get; } = [.. All.Where(k => (k.Places & KeyPlaces.Entry) != KeyPlaces.None)];

    /// <summary>The keys of one check.</summary>
    public static IReadOnlyList<ConfigurationKey> OfChecks { get; } = [.. All.Where(k => k.Places.HasFlag(KeyPlaces.Check))];

    /// <summary>The keys of <c>router:</c>.</summary>
    public static IReadOnlyList<ConfigurationKey> OfRouter { get; } = [.. All.Where(k => k.Places.HasFlag(KeyPlaces.Router))];

    /// <summary>The keys of <c>breaker:</c>, under <c>router:</c>.</summary>
    public static IReadOnlyList<ConfigurationKey> OfBreaker { get; } = [.. All.Where(k => k.Places.HasFlag(KeyPlaces.Breaker))];

    /// <summary>The keys of <c>metrics:</c>.</summary>
    public static IReadOnlyList<ConfigurationKey> OfMetrics { get; } = [.. All.Where(k => k.Places.HasFlag(KeyPlaces.Metrics))];

    /// <summary>The keys of one rule of <c>alerts:</c>.</summary>
    public static IReadOnlyList<ConfigurationKey> OfAlertRules { get; } = [.. All.Where(k => k.Places.HasFlag(KeyPlaces.AlertRule))];

    /// <summary>The keys of <c>deploy:</c>.</summary>
    public static IReadOnlyList<ConfigurationKey> OfDeploy { get; } = [.. All.Where(k => k.Places.HasFlag(KeyPlaces.Deploy))];

    /// <summary>
    /// The keys a mapping of <paramref name="place"/> is checked against: a key outside them is unknown, one among
    /// them that is not allowed there is misplaced (a job's key on a service).
    /// </summary>
    public static IReadOnlyList<ConfigurationKey> Beside(KeyPlaces place) => place switch
    {
        KeyPlaces.Check => OfChecks,
        KeyPlaces.Router => OfRouter,
        KeyPlaces.Breaker => OfBreaker,
        KeyPlaces.Metrics => OfMetrics,
        KeyPlaces.AlertRule => OfAlertRules,
        KeyPlaces.Deploy => OfDeploy,
        _ => OfEntries,
    };

    /// <summary>"`a`, `b` or `c`", for a key that takes one of a few words.</summary>
    public static string Words(IEnumerable<string> choices)
    {
        var words = choices.Select(c => $"`{c}`").ToList();
        return words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
    }
}
