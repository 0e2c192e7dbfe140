using Sky.Model.Routing;

namespace Sky.Router.Breaking;

/// <summary>
/// Keeps requests away from one container while it fails them, and lets it back in carefully. The router asks
/// <see cref="TryAdmit"/> when it considers this container for a request and tells <see cref="Record"/> how each
/// request it sent here went (connect failures, timeouts and 5xx answers count as failed; the caller decides).
/// </summary>
/// <remarks>
/// The rules, with the defaults of <see cref="BreakerSettings"/> in brackets:
/// <list type="bullet">
/// <item><b>Closed</b>: every request is admitted. Outcomes are counted in one bucket per second over the last
/// <c>Window</c> [10 s]. When the window holds at least <c>MinimumRequests</c> [5] and failed/requests is at least
/// <c>FailureRatio</c> [0.5], the container is ejected. After a whole <c>Window</c> in Closed without tripping, the
/// back-off starts over (<see cref="Ejections"/> goes back to 0).</item>
/// <item><b>Ejected</b>: nothing is admitted until <see cref="EjectedUntil"/>. The n-th ejection in a row lasts
/// <c>FirstEjection</c> × 2^(n-1), at most <c>MaxEjection</c> [1 s, 2 s, 4 s ... 60 s]. Outcomes recorded while
/// ejected (requests admitted before the trip) are ignored: their evidence has been used.</item>
/// <item><b>Probing</b>: the first <see cref="TryAdmit"/> after the ejection ends moves here. One trial request is
/// admitted at a time; the next one only after the trial's outcome is recorded, or after a <c>Window</c> without one
/// (a trial whose outcome was never recorded must not block the container for ever). Any outcome recorded while
/// probing counts as the trial's. <see cref="TrialSuccessesToRamp"/> [3] successes in a row move to Ramping; one
/// failure ejects again, for the next (longer) duration.</item>
/// <item><b>Ramping</b>: admits a share of the requests offered that grows linearly from
/// <see cref="RampStartPermille"/> [10 %] to all of them over one <c>Window</c> [10 s]. The share is a credit
/// accumulator, not a coin: each <see cref="TryAdmit"/> adds the current share (in per mille) to the credit, and a
/// request is admitted when the credit reaches 1000, which then pays 1000 (so at 10 % exactly every tenth request is
/// admitted). Outcomes count in a fresh window and trip it exactly as in Closed, ejecting for the next (longer)
/// duration. The first <see cref="TryAdmit"/> once the ramp period is over moves to Closed.</item>
/// </list>
/// The breaker moves on when it is called, not on a timer: an ejection that has ended shows as Ejected until the
/// router next asks <see cref="TryAdmit"/>. In Closed, <see cref="TryAdmit"/> is one volatile read; everything else
/// takes this container's lock for a few dozen nanoseconds. Transitions are reported once each, outside the lock, on
/// the calling thread (a request's), so the callback must be quick and must not throw.
/// </remarks>
public sealed class ContainerBreaker
{
    /// <summary>Successful trials in a row that end probing and start the ramp.</summary>
    public const int TrialSuccessesToRamp = 3;

    /// <summary>Share of requests admitted when the ramp starts, in per mille (integers keep the accumulator exact).</summary>
    public const int RampStartPermille = 100;

    private const int AllPermille = 1000;

    private readonly BreakerSettings settings;
    private readonly TimeProvider clock;
    private readonly Action<BreakerTransition>? onTransition;
    private readonly Lock gate = new();
    private readonly FailureWindow window;

    private volatile BreakerState state;
    private long ejectedUntilTicks;
    private volatile int ejections;
    private DateTimeOffset closedSince;
    private bool trialInFlight;
    private DateTimeOffset trialStartedAt;
    private int trialSuccesses;
    private DateTimeOffset rampStartedAt;
    private int rampCredit;

    public ContainerBreaker(string container, BreakerSettings settings, TimeProvider clock, Action<BreakerTransition>? onTransition = null)
    {
        Container = container;
        this.settings = settings;
        this.clock = clock;
        this.onTransition = onTransition;
        window = new FailureWindow(settings.Window);
        closedSince = clock.GetUtcNow();
    }

    public string Container { get; }

    public BreakerState State => state;

    /// <summary>When the current ejection ends; null unless <see cref="State"/> is Ejected.</summary>
    public DateTimeOffset? EjectedUntil => state == BreakerState.Ejected
        ? new DateTimeOffset(Interlocked.Read(ref ejectedUntilTicks), TimeSpan.Zero)
        : null;

    /// <summary>Ejections in a row: the step of the back-off the next ejection follows; 0 when recovered.</summary>
    public int Ejections => ejections;

    /// <summary>How long the n-th ejection in a row lasts: FirstEjection doubled each time, at most MaxEjection.</summary>
    public static TimeSpan EjectionDuration(BreakerSettings settings, int ejections)
    {
        var doublings = Math.Clamp(ejections - 1, 0, 40);
        var ticks = Math.Min(settings.FirstEjection.Ticks * Math.Pow(2, doublings), settings.MaxEjection.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether this container may take this request now. In Probing and Ramping a true answer uses a slot.</summary>
    public bool TryAdmit()
    {
        if (state == BreakerState.Closed)
        {
            return true;
        }
        var now = clock.GetUtcNow();
        BreakerTransition? moved = null;
        bool admitted;
        lock (gate)
        {
            if (state == BreakerState.Ejected && now.UtcTicks >= ejectedUntilTicks)
            {
                trialInFlight = false;
                trialSuccesses = 0;
                moved = MoveTo(BreakerState.Probing, now);
            }
            admitted = state switch
            {
                BreakerState.Closed => true,
                BreakerState.Probing => TryStartTrial(now),
                BreakerState.Ramping => TryTakeRampShare(now, ref moved),
                _ => false,
            };
        }
        Tell(moved);
        return admitted;
    }

    /// <summary>The outcome of one request this container took.</summary>
    public void Record(bool failed)
    {
        var now = clock.GetUtcNow();
        BreakerTransition? moved = null;
        lock (gate)
        {
            switch (state)
            {
                case BreakerState.Probing:
                    moved = JudgeTrial(failed, now);
                    break;
                case BreakerState.Closed:
                    if (ejections > 0 && now - closedSince >= settings.Window)
                    {
                        ejections = 0;
                    }
                    moved = CountAndMaybeTrip(failed, now);
                    break;
                case BreakerState.Ramping:
                    moved = CountAndMaybeTrip(failed, now);
                    break;
                default:
                    break;
            }
        }
        Tell(moved);
    }

    private bool TryStartTrial(DateTimeOffset now)
    {
        if (trialInFlight && now - trialStartedAt < settings.Window)
        {
            return false;
        }
        trialInFlight = true;
        trialStartedAt = now;
        return true;
    }

    private bool TryTakeRampShare(DateTimeOffset now, ref BreakerTransition? moved)
    {
        var share = RampSharePermille(now);
        if (share >= AllPermille)
        {
            closedSince = now;
            moved = MoveTo(BreakerState.Closed, now);
            return true;
        }
        rampCredit += share;
        if (rampCredit < AllPermille)
        {
            return false;
        }
        rampCredit -= AllPermille;
        return true;
    }

    private int RampSharePermille(DateTimeOffset now)
    {
        var elapsed = now - rampStartedAt;
        if (elapsed >= settings.Window)
        {
            return AllPermille;
        }
        return RampStartPermille + (int)((AllPermille - RampStartPermille) * elapsed.Ticks / settings.Window.Ticks);
    }

    private BreakerTransition? JudgeTrial(bool failed, DateTimeOffset now)
    {
        trialInFlight = false;
        if (failed)
        {
            return Eject(now, 0, 0);
        }
        if (++trialSuccesses < TrialSuccessesToRamp)
        {
            return null;
        }
        window.Clear();
        rampStartedAt = now;
        rampCredit = 0;
        return MoveTo(BreakerState.Ramping, now);
    }

    private BreakerTransition? CountAndMaybeTrip(bool failed, DateTimeOffset now)
    {
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        window.Add(second, failed);
        var (requests, failures) = window.Count(second);
        if (requests < settings.MinimumRequests || failures < settings.FailureRatio * requests)
        {
            return null;
        }
        return Eject(now, requests, failures);
    }

    private BreakerTransition Eject(DateTimeOffset now, int requests, int failures)
    {
        var from = state;
        var count = ejections + 1;
        var duration = EjectionDuration(settings, count);
        ejections = count;
        Interlocked.Exchange(ref ejectedUntilTicks, (now + duration).UtcTicks);
        window.Clear();
        trialInFlight = false;
        state = BreakerState.Ejected;
        return new BreakerTransition(Container, from, BreakerState.Ejected, now, duration, count, requests, failures);
    }

    private BreakerTransition MoveTo(BreakerState to, DateTimeOffset now)
    {
        var from = state;
        state = to;
        return new BreakerTransition(Container, from, to, now, TimeSpan.Zero, ejections, 0, 0);
    }

    private void Tell(BreakerTransition? moved)
    {
        if (moved is not null)
        {
            onTransition?.Invoke(moved);
        }
    }
}
