using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sky.Alerts;
using Sky.Configuration;
using Sky.Feed;
using Sky.Model;
using Sky.Store;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;
using Sky.Supervisor.Revisions;
using Sky.Supervisor.Rollouts;
using Sky.Supervisor.Supervision;
using Sky.Testing.Engine;

namespace Sky.Supervisor.Tests;

/// <summary>
/// The supervisor's parts wired as the daemon wires them, on a fake clock, an in-memory engine and a real SQLite store
/// in a temp folder of their own; signals to maintainers are recorded.
/// </summary>
public sealed class SupervisionParts : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-supervision-").FullName;

    public SupervisionParts()
    {
        Feed = new StateFeed(Clock);
        Registry = new HealthRegistry(Feed);
        Database = new SkyDatabase(folder);
        Events = new EventLog(new TelemetryDatabase(folder), Clock, Feed);
        var alerts = new AlertSignals(Feed, new RecordingSink(Signals));
        History = new RestartHistory(Registry, new RestartCountRepository(Database, Clock), Events, alerts, Clock, NullLogger<RestartHistory>.Instance);
        Outages = new EngineOutages(Clock);
        Ends = new ContainerEnds(Engine, Registry, History, Outages);
        Intents = new ServiceIntentRepository(Database, Clock);
        Revisions = new RevisionRepository(Database, Clock);
        Resolver = new RevisionResolver(Naming, Revisions);
        Desired = new DesiredStateSource(Revisions, Resolver, Feed);
        var executor = new PlanExecutor(Engine, Naming, Registry, Feed, NullLogger<PlanExecutor>.Instance);
        Operations = new ServiceOperations(Engine, Naming, Desired, Intents, Events, executor);
        Rollouts = new RolloutGuard(new RolloutVerifier(Engine, Registry, Feed, Naming), Revisions, Events, alerts, NullLogger<RolloutGuard>.Instance);
        Configuration = new ConfigurationOperations(Operations, Desired, Resolver, Revisions, Events, Rollouts);
        Healer = new Healer(Operations, Registry, History, NullLogger<Healer>.Instance);
    }

    /// <summary>This daemon's: an identity of its own, as every daemon started from a data folder has.</summary>
    public Naming Naming { get; } = new("sup", new DaemonIdentity("a1a1a1a1a1a1", "/srv/sky-a"));

    /// <summary>Another daemon sharing the namespace, whose containers are foreign to this one.</summary>
    public static Naming Other { get; } = new("sup", new DaemonIdentity("b2b2b2b2b2b2", "/srv/sky-b"));

    public ServiceIntentRepository Intents { get; }

    public DesiredStateSource Desired { get; }

    public RevisionRepository Revisions { get; }

    public RevisionResolver Resolver { get; }

    public ConfigurationOperations Configuration { get; }

    public RolloutGuard Rollouts { get; }

    public ServiceOperations Operations { get; }

    public Healer Healer { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public FakeContainerRuntime Engine { get; } = new() { AutoExitCode = null };

    public StateFeed Feed { get; }

    public HealthRegistry Registry { get; }

    public SkyDatabase Database { get; }

    public EventLog Events { get; }

    public RestartHistory History { get; }

    public EngineOutages Outages { get; }

    public ContainerEnds Ends { get; }

    public List<AlertSignal> Signals { get; } = [];

    public static ContainerSpec Spec(string name, RestartPolicy? restart = null, bool checks = false) => new()
    {
        Name = name,
        Service = "web",
        Instance = "production",
        Role = SkyLabels.MainRole,
        Definition = "web",
        Network = "web-production",
        Image = "my-application:1.0",
        Restart = restart ?? new RestartPolicy(RestartMode.OnFailure, 5),
        Checks = checks ? [new CheckSpec { Kind = CheckKind.Http, Path = "/health", Port = 8080 }] : [],
    };

    /// <summary>Applies a configuration (as revision 1) and returns the first instance of its first service, wanted running.</summary>
    public InstanceSpec ApplyAndWant(string yaml)
    {
        var content = new RevisionContent([new RevisionSource("test", null, [new StoredFile("services.yml", yaml)])], []);
        var state = Resolver.Resolve(content);
        Desired.Applied(1, state, content, "test");
        var instance = state.Services[0].Instances[0];
        Intents.Set(instance.Service, instance.Name, running: true);
        return instance;
    }

    /// <summary>What the supervisor's pass does for containers it judged to be restarted now; returns once the healing is over.</summary>
    public async Task HealAsync(InstanceSpec instance, IReadOnlyList<ContainerSpec> restarting, IReadOnlyList<string>? replace = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Healer.Heal(instance, restarting, replace ?? [], string.Join("; ", restarting.Select(s => $"{s.Name} was removed")), done.SetResult, CancellationToken.None);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A container of the spec on the in-memory engine, labelled as this daemon makes it.</summary>
    public FakeContainer Container(ContainerSpec spec, ContainerState state) =>
        Engine.Add(new Sky.Runtime.ContainerCreateRequest { Name = spec.Name, Image = spec.Image, Labels = spec.Labels }, state);

    /// <summary>A service container on the in-memory engine labelled by <paramref name="maker"/>, as a daemon with that naming would make it.</summary>
    public FakeContainer ServiceContainer(Naming maker, string service, ContainerState state)
    {
        var labels = maker.BaseLabels(SkyLabels.ServiceKind);
        labels[SkyLabels.Service] = service;
        labels[SkyLabels.Instance] = Naming.DefaultInstance;
        labels[SkyLabels.Role] = SkyLabels.MainRole;
        labels[SkyLabels.Replica] = "1";
        labels[SkyLabels.ConfigHash] = "0123456789abcdef";
        return Engine.Add(new Sky.Runtime.ContainerCreateRequest { Name = maker.Container(service, Naming.DefaultInstance, SkyLabels.MainRole), Image = "base:0.7", Labels = labels }, state);
    }

    public ObservedContainer Observed(FakeContainer container) => new() { Id = container.Id, Name = container.Name, State = container.State };

    public void Dispose()
    {
        Rollouts.Dispose();
        Operations.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class RecordingSink(List<AlertSignal> signals) : IAlertSink
    {
        public void Signal(AlertSignal signal)
        {
            lock (signals)
            {
                signals.Add(signal);
            }
        }
    }
}
