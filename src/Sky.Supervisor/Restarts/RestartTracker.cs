using Sky.Model;

namespace Sky.Supervisor.Restarts;

/// <summary>
/// The restart history of one wanted container (by name, so it survives the container being replaced): restarts in a
/// row, when the next one may happen, whether it is crash-looping. Time comes from a <see cref="TimeProvider"/> so that
/// back-off and reset are testable with a fake clock. Thread-safe: the supervisor's pass and operators' starts touch it.
/// </summary>
public sealed class RestartTracker(TimeProvider clock)
{
    private readonly Lock gate = new();
    private int consecutive;
    private DateTimeOffset? due;
    private DateTimeOffset? wellSince;
    private bool crashLooping;
    private bool cannotStart;

    public int ConsecutiveRestarts
    {
        get
        {
            lock (gate)
            {
                return consecutive;
            }
        }
    }

    public bool CrashLooping
    {
        get
        {
            lock (gate)
            {
                return crashLooping;
            }
        }
    }

    /// <summary>True once the container could not be created, until it runs again or someone starts the service.</summary>
    public bool CannotStart
    {
        get
        {
            lock (gate)
            {
                return cannotStart;
            }
        }
    }

    /// <summary>When the pending restart may happen; null when none is pending.</summary>
    public DateTimeOffset? Due
    {
        get
        {
            lock (gate)
            {
                return due;
            }
        }
    }

    /// <summary>
    /// Takes in that the container ended the way <paramref name="end"/> says and returns the policy's verdict. A restart
    /// becomes due after the back-off for the restarts so far (the first time the end is seen; seeing it again keeps
    /// the same due time). Once crash-looping, every verdict is <see cref="RestartVerdict.CrashLoop"/> until <see cref="Clear"/>;
    /// once it could not be created, <see cref="RestartVerdict.CannotStart"/> until it runs again or <see cref="Clear"/>.
    /// </summary>
    public RestartVerdict Observe(ContainerEnd end, RestartPolicy policy)
    {
        lock (gate)
        {
            wellSince = null;
            if (crashLooping)
            {
                return RestartVerdict.CrashLoop;
            }

            if (cannotStart)
            {
                return RestartVerdict.CannotStart;
            }

            var verdict = RestartDecider.Decide(policy, end, consecutive);
            switch (verdict)
            {
                case RestartVerdict.Restart:
                    due ??= clock.GetUtcNow() + BackOff.Delay(consecutive);
                    break;
                case RestartVerdict.CrashLoop:
                    crashLooping = true;
                    due = null;
                    break;
                default:
                    due = null;
                    break;
            }

            return verdict;
        }
    }

    /// <summary>True when a restart is pending and its back-off has passed.</summary>
    public bool IsDue()
    {
        lock (gate)
        {
            return due is { } at && clock.GetUtcNow() >= at;
        }
    }

    /// <summary>A restart was carried out: the next one waits twice as long.</summary>
    public void Restarted()
    {
        lock (gate)
        {
            consecutive++;
            due = null;
            wellSince = null;
        }
    }

    /// <summary>Creating the container failed for want of its image: no more restarts until it runs or someone acts.</summary>
    public void CouldNotCreate()
    {
        lock (gate)
        {
            cannotStart = true;
            due = null;
        }
    }

    /// <summary>
    /// The container runs and is not unhealthy: nothing is pending any more (and whatever kept it from being created is
    /// gone: an apply or a person brought its image). When it is also <paramref name="well"/>
    /// (healthy, or running without checks) for <see cref="BackOff.ResetAfter"/>, its restarts are forgiven.
    /// </summary>
    public void Running(bool well)
    {
        lock (gate)
        {
            due = null;
            cannotStart = false;
            if (!well)
            {
                wellSince = null;
                return;
            }

            var now = clock.GetUtcNow();
            wellSince ??= now;
            if (now - wellSince.Value >= BackOff.ResetAfter)
            {
                consecutive = 0;
            }
        }
    }

    /// <summary>Someone started or restarted the service: forget the crash loop and the back-off.</summary>
    public void Clear()
    {
        lock (gate)
        {
            consecutive = 0;
            due = null;
            wellSince = null;
            crashLooping = false;
            cannotStart = false;
        }
    }
}
