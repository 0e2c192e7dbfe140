using Sky.Model;
using Sky.Runtime;

namespace Sky.Supervisor;

/// <summary>
/// What keeps sky from creating a container that trying again cannot fix until a person acts (an image neither on the
/// engine nor in the registry, a name another daemon's container holds): the problem, and what the person can do. The
/// supervisor says it once and leaves the container alone until someone starts the service.
/// </summary>
public sealed record StartBlocker(string Problem, string Remedy)
{
    public static StartBlocker From(MissingImage missing) =>
        new($"image {missing.Image} is not on {missing.Places} (needed by {string.Join(", ", missing.NamedBy)})", StopsTrying(missing.Advice));

    public static StartBlocker NameTaken(string name, DaemonIdentity other) =>
        new(TakenNames.Problem(name, other), StopsTrying(TakenNames.Remedy));

    private static string StopsTrying(string advice) => $"sky stops trying until someone acts ({advice})";
}
