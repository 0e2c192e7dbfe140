using Sky.Logs.Collection;

namespace Sky.Logs.Tests.Collection;

public sealed class LinesArrivedTests
{
    [Fact]
    public async Task The_flush_waits_until_a_line_comes()
    {
        var arrived = new LinesArrived();

        var waiting = arrived.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        arrived.Raise();
        await waiting;
    }

    [Fact]
    public async Task After_a_flush_only_a_new_line_wakes_it_again()
    {
        var arrived = new LinesArrived();
        arrived.Raise();
        arrived.Raise();
        await arrived.WaitAsync(CancellationToken.None);

        arrived.Reset();
        var next = arrived.WaitAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);

        arrived.Raise();
        await next;
    }

    [Fact]
    public async Task A_daemon_stopping_ends_the_wait()
    {
        var arrived = new LinesArrived();
        using var stopping = new CancellationTokenSource();

        var waiting = arrived.WaitAsync(stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
