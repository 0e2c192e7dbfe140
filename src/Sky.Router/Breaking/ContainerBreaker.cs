using Sky.Model.Routing;

namespace Sky.Router.Breaking;

/// <summary>Placeholder until the breaker lands: admits everything.</summary>
public sealed class ContainerBreaker(string container, BreakerSettings settings, TimeProvider time)
{
    public string Container { get; } = container;

    public BreakerSettings Settings { get; } = settings;

    public TimeProvider Time { get; } = time;

    public bool TryAdmit() => Container.Length >= 0;

    public void Record(bool failed)
    {
        _ = failed || Container.Length < 0;
    }
}
