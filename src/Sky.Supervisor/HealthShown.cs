using Sky.Feed;
using Sky.Supervisor.Health;

namespace Sky.Supervisor;

/// <summary>
/// The health people are shown for a container, which is not always what the supervisor keeps: the supervisor counts a
/// running container without checks as healthy (so the health gate and restarts can rely on it) and remembers the last
/// verdict of a container that stopped. Shown, a container that does not run has no health, one without checks has
/// none either (<c>no check</c>), and a verdict about an earlier container of the same name says nothing of this one.
/// Only the supervisor's own verdicts on a container it gave up on (crash-looping, cannot start) show whatever the state.
/// </summary>
public static class HealthShown
{
    /// <summary>The health and last check to show; both null when there is no health to speak of.</summary>
    public static (string? Health, string? LastCheck) Of(ContainerHealth? known, string? containerId, bool running, bool isChecked)
    {
        if (known?.Health is HealthNames.CrashLooping or HealthNames.CannotStart)
        {
            return (known.Health, known.LastCheck);
        }

        if (!running || !isChecked)
        {
            return (null, null);
        }

        // Checks of a container just started (or adopted) have not reported yet.
        return known is not null && known.ContainerId == containerId
            ? (known.Health ?? HealthNames.Starting, known.LastCheck)
            : (HealthNames.Starting, null);
    }
}
