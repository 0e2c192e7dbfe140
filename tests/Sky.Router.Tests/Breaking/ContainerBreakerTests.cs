using Microsoft.Extensions.Time.Testing;
using Sky.Model.Routing;
using Sky.Router.Breaking;

namespace Sky.Router.Tests.Breaking;

public class ContainerBreakerTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly List<BreakerTransition> transitions = [];
    private readonly ContainerBreaker breaker;

    public ContainerBreakerTests()
    {
        breaker = new ContainerBreaker("web-1", new BreakerSettings(), clock, transitions.Add);
    }

    [Fact]
    public void Half_of_ten_requests_failing_within_the_window_ejects_the_container()
    {
        Record(successes: 5, failures: 4);
        Assert.Equal(BreakerState.Closed, breaker.State);

        breaker.Record(failed: true);

        Assert.Equal(BreakerState.Ejected, breaker.State);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(1), breaker.EjectedUntil);
        var trip = Assert.Single(transitions);
        Assert.Equal((10, 5, 1), (trip.WindowRequests, trip.WindowFailures, trip.Ejections));
    }

    [Fact]
    public void Fewer_requests_than_the_minimum_never_trip_however_many_failed()
    {
        Record(successes: 0, failures: 4);

        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.True(breaker.TryAdmit());
    }

    [Theory]
    [InlineData(9, BreakerState.Ejected)]
    [InlineData(10, BreakerState.Closed)]
    public void Failures_leave_the_window_once_it_has_passed(int secondsLater, BreakerState expected)
    {
        Record(successes: 0, failures: 4);
        clock.Advance(TimeSpan.FromSeconds(secondsLater));

        breaker.Record(failed: true);

        Assert.Equal(expected, breaker.State);
    }

    [Fact]
    public void An_ejected_container_takes_nothing_until_its_ejection_ends()
    {
        Trip();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(breaker.TryAdmit());

        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(breaker.TryAdmit());
        Assert.Equal(BreakerState.Probing, breaker.State);
    }

    [Fact]
    public void Ejections_in_a_row_last_twice_as_long_each_up_to_the_maximum()
    {
        Trip();
        var durations = new List<double> { transitions[^1].EjectedFor.TotalSeconds };
        for (var attempt = 0; attempt < 7; attempt++)
        {
            WaitOutEjection();
            Assert.True(breaker.TryAdmit());
            breaker.Record(failed: true);
            durations.Add(transitions[^1].EjectedFor.TotalSeconds);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], durations);
        Assert.Equal(8, breaker.Ejections);
    }

    [Fact]
    public void Probing_admits_one_trial_at_a_time()
    {
        Trip();
        WaitOutEjection();

        Assert.True(breaker.TryAdmit());
        Assert.False(breaker.TryAdmit());
        Assert.False(breaker.TryAdmit());
        breaker.Record(failed: false);
        Assert.True(breaker.TryAdmit());
        Assert.False(breaker.TryAdmit());
    }

    [Fact]
    public void A_trial_whose_outcome_never_comes_frees_its_slot_after_a_window()
    {
        Trip();
        WaitOutEjection();
        Assert.True(breaker.TryAdmit());

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(breaker.TryAdmit());
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(breaker.TryAdmit());
    }

    [Fact]
    public void A_failed_trial_ejects_the_container_again_for_longer()
    {
        Trip();
        WaitOutEjection();
        breaker.TryAdmit();
        breaker.Record(failed: false);
        breaker.TryAdmit();

        breaker.Record(failed: true);

        Assert.Equal(BreakerState.Ejected, breaker.State);
        Assert.Equal(TimeSpan.FromSeconds(2), transitions[^1].EjectedFor);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(2), breaker.EjectedUntil);
    }

    [Fact]
    public void Three_successful_trials_start_a_ramp_that_admits_a_growing_share()
    {
        Trip();
        PassTrials();
        Assert.Equal(BreakerState.Ramping, breaker.State);

        Assert.Equal(1, Admitted(offered: 10));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(11, Admitted(offered: 20));
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(breaker.TryAdmit());
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    [Fact]
    public void Tripping_during_the_ramp_ejects_the_container_again_for_longer()
    {
        Trip();
        PassTrials();

        Record(successes: 2, failures: 3);

        Assert.Equal(BreakerState.Ejected, breaker.State);
        Assert.Equal(TimeSpan.FromSeconds(2), transitions[^1].EjectedFor);
    }

    [Fact]
    public void A_whole_healthy_window_after_recovery_starts_the_back_off_over()
    {
        Trip();
        Recover();
        clock.Advance(TimeSpan.FromSeconds(10));
        breaker.Record(failed: false);
        Assert.Equal(0, breaker.Ejections);

        Record(successes: 0, failures: 5);

        Assert.Equal(TimeSpan.FromSeconds(1), transitions[^1].EjectedFor);
    }

    [Fact]
    public void Tripping_again_soon_after_recovery_keeps_the_back_off_growing()
    {
        Trip();
        Recover();
        clock.Advance(TimeSpan.FromSeconds(9));

        Record(successes: 0, failures: 5);

        Assert.Equal(TimeSpan.FromSeconds(2), transitions[^1].EjectedFor);
    }

    [Fact]
    public void Each_transition_is_reported_once()
    {
        Trip();
        breaker.TryAdmit();
        breaker.Record(failed: true);
        WaitOutEjection();
        for (var call = 0; call < 3; call++)
        {
            breaker.TryAdmit();
        }
        Recover(alreadyProbing: true);
        breaker.TryAdmit();

        Assert.Equal(
            [
                (BreakerState.Closed, BreakerState.Ejected),
                (BreakerState.Ejected, BreakerState.Probing),
                (BreakerState.Probing, BreakerState.Ramping),
                (BreakerState.Ramping, BreakerState.Closed),
            ],
            transitions.Select(moved => (moved.From, moved.To)));
        Assert.All(transitions, moved => Assert.Equal("web-1", moved.Container));
    }

    [Fact]
    public void Many_threads_failing_at_once_eject_the_container_once()
    {
        var concurrent = new List<BreakerTransition>();
        var shared = new ContainerBreaker("web-2", new BreakerSettings(), clock, moved =>
        {
            lock (concurrent)
            {
                concurrent.Add(moved);
            }
        });

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            if (shared.TryAdmit())
            {
                shared.Record(failed: true);
            }
        });

        var trip = Assert.Single(concurrent);
        Assert.Equal(BreakerState.Ejected, trip.To);
    }

    private void Record(int successes, int failures)
    {
        for (var index = 0; index < successes; index++)
        {
            breaker.Record(failed: false);
        }
        for (var index = 0; index < failures; index++)
        {
            breaker.Record(failed: true);
        }
    }

    private void Trip()
    {
        Record(successes: 0, failures: 5);
        Assert.Equal(BreakerState.Ejected, breaker.State);
    }

    private void WaitOutEjection() => clock.SetUtcNow(breaker.EjectedUntil!.Value);

    private void PassTrials()
    {
        WaitOutEjection();
        for (var trial = 0; trial < ContainerBreaker.TrialSuccessesToRamp; trial++)
        {
            Assert.True(breaker.TryAdmit());
            breaker.Record(failed: false);
        }
    }

    private void Recover(bool alreadyProbing = false)
    {
        if (alreadyProbing)
        {
            breaker.Record(failed: false);
            breaker.TryAdmit();
            breaker.Record(failed: false);
            breaker.TryAdmit();
            breaker.Record(failed: false);
        }
        else
        {
            PassTrials();
        }
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(breaker.TryAdmit());
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    private int Admitted(int offered) => Enumerable.Range(0, offered).Count(_ => breaker.TryAdmit());
}
