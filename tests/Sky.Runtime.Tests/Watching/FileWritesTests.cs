using Sky.Runtime.Watching;

namespace Sky.Runtime.Tests.Watching;

public sealed class FileWritesTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string path = Path.GetTempFileName();

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task Every_follower_of_a_file_hears_of_a_write_and_one_that_left_hears_nothing_more()
    {
        var writes = Assert.IsType<FileWrites>(FileWrites.Shared);
        var first = new Heard();
        var second = new Heard();
        using var firstWatch = writes.Watch(path, first.Hear);
        var secondWatch = writes.Watch(path, second.Hear);

        var firstHeard = first.Next();
        var secondHeard = second.Next();
        await File.AppendAllTextAsync(path, "one\n");
        await Task.WhenAll(firstHeard.WaitAsync(Bound), secondHeard.WaitAsync(Bound));

        secondWatch!.Dispose();
        var secondAfter = second.Count;
        firstHeard = first.Next();
        await File.AppendAllTextAsync(path, "two\n");
        await firstHeard.WaitAsync(Bound);
        // The first follower heard the second write; events are read in order, so the second would have heard it too.
        Assert.Equal(secondAfter, second.Count);
    }

    [Fact]
    public async Task A_deleted_file_wakes_its_follower()
    {
        var heard = new Heard();
        using var watch = FileWrites.Shared!.Watch(path, heard.Hear);

        var deleted = heard.Next();
        File.Delete(path);

        await deleted.WaitAsync(Bound);
    }

    [Fact]
    public void A_file_that_is_not_there_cannot_be_watched()
    {
        Assert.Null(FileWrites.Shared!.Watch(Path.Combine(path + ".d", "nothing"), () => { }));
    }

    private sealed class Heard
    {
        private readonly Lock gate = new();
        private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; private set; }

        /// <summary>Completes at the next event heard from now on.</summary>
        public Task Next()
        {
            lock (gate)
            {
                return next.Task;
            }
        }

        public void Hear()
        {
            TaskCompletionSource done;
            lock (gate)
            {
                Count++;
                done = next;
                next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            done.TrySetResult();
        }
    }
}
