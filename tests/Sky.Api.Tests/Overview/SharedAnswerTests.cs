using Microsoft.Extensions.Time.Testing;
using Sky.Api.Overview;

namespace Sky.Api.Tests.Overview;

public sealed class SharedAnswerTests
{
    private readonly FakeTimeProvider clock = new();
    private int builds;

    [Fact]
    public async Task Reads_at_the_same_position_within_the_reuse_time_share_one_build_even_while_it_runs()
    {
        var shared = new SharedAnswer(clock, TimeSpan.FromSeconds(1));
        var release = new TaskCompletionSource();

        var first = shared.GetAsync(7, () => Build(release.Task));
        var second = shared.GetAsync(7, () => Build(release.Task));
        release.SetResult();
        clock.Advance(TimeSpan.FromMilliseconds(900));
        var third = await shared.GetAsync(7, () => Build(Task.CompletedTask));

        Assert.Same(await first, await second);
        Assert.Same(await first, third);
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task A_new_position_or_an_answer_older_than_the_reuse_time_is_built_again()
    {
        var shared = new SharedAnswer(clock, TimeSpan.FromSeconds(1));

        var first = await shared.GetAsync(7, () => Build(Task.CompletedTask));
        var moved = await shared.GetAsync(8, () => Build(Task.CompletedTask));
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await shared.GetAsync(8, () => Build(Task.CompletedTask));

        Assert.NotSame(first, moved);
        Assert.NotSame(moved, later);
        Assert.Equal(3, builds);
    }

    [Fact]
    public async Task A_failed_build_is_not_handed_to_the_next_read()
    {
        var shared = new SharedAnswer(clock, TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.GetAsync(7, () => throw new InvalidOperationException("store locked")));
        var next = await shared.GetAsync(7, () => Build(Task.CompletedTask));

        Assert.Equal([1], next);
    }

    private async Task<byte[]> Build(Task ready)
    {
        await ready;
        return [(byte)Interlocked.Increment(ref builds)];
    }
}
