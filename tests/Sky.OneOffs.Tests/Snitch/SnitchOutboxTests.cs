using Sky.OneOffs.Snitch;

namespace Sky.OneOffs.Tests.Snitch;

/// <summary>
/// The outbox is writable from inside a container, where anyone may plant links, pipes or huge files: the daemon
/// (root on the host) must never read or write through them.
/// </summary>
public sealed class SnitchOutboxTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("sky-outbox-").FullName;
    private readonly SnitchOutbox outbox;
    private readonly string folder;

    public SnitchOutboxTests()
    {
        outbox = new SnitchOutbox(data);
        var mounts = outbox.Prepare("oneoff-1");
        folder = mounts.Single(m => m.Target == SnitchOutbox.ContainerFolder).Source;
    }

    [Fact]
    public async Task A_notice_the_script_wrote_is_taken_and_read()
    {
        var path = Path.Combine(folder, "1-1.msg");
        await File.WriteAllTextAsync(path, "email: jane@example.com\nexit: 3\nseconds: 1.5\ncommand: make backup\n\nline one\nline two\n");

        var (text, refused) = await outbox.TakeAsync(path);

        Assert.Null(refused);
        var (request, problem) = SnitchOutbox.Parse(text!);
        Assert.Null(problem);
        Assert.Equal(("jane@example.com", "[sky] snitch: make backup failed (exit 3)"), (request!.Email, request.Subject));
        Assert.EndsWith("line one\nline two", request.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_link_to_a_host_file_is_refused_and_the_file_is_not_read()
    {
        var secret = Path.Combine(data, "secret");
        await File.WriteAllTextAsync(secret, "email: mallory@example.com\nexit: 0\ncommand: the host's secret\n\nTOP SECRET\n");
        var path = Path.Combine(folder, "1-1.msg");
        File.CreateSymbolicLink(path, secret);

        var (text, refused) = await outbox.TakeAsync(path);

        Assert.Null(text);
        Assert.Equal("the notice is a symbolic link, not a file", refused);
        Assert.True(File.Exists(secret));
    }

    [Fact]
    public async Task A_named_pipe_is_refused_without_blocking()
    {
        var path = Path.Combine(folder, "1-1.msg");
        await Sky.Testing.ProgramRun.CheckedAsync("mkfifo", path);

        var (text, refused) = await outbox.TakeAsync(path).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(text);
        Assert.Equal("the notice is a fifo, not a file", refused);
    }

    [Fact]
    public async Task An_oversized_notice_is_refused()
    {
        var path = Path.Combine(folder, "1-1.msg");
        await File.WriteAllTextAsync(path, new string('x', SnitchOutbox.MaxNoticeBytes + 1));

        var (text, refused) = await outbox.TakeAsync(path);

        Assert.Null(text);
        Assert.StartsWith("the notice is larger than", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_replaces_a_link_planted_under_its_name_instead_of_writing_through_it()
    {
        var hostFile = Path.Combine(data, "passwd");
        await File.WriteAllTextAsync(hostFile, "root:x:0:0\n");
        var path = Path.Combine(folder, "1-1.msg");
        File.CreateSymbolicLink(path + ".result", hostFile);

        await outbox.AnswerAsync(path, "sent: email jane@example.com");

        Assert.Equal("root:x:0:0\n", await File.ReadAllTextAsync(hostFile));
        Assert.Null(new FileInfo(path + ".result").LinkTarget);
        Assert.Equal("sent: email jane@example.com\n", await File.ReadAllTextAsync(path + ".result"));
    }

    [Fact]
    public void Only_the_top_of_each_container_folder_is_looked_at()
    {
        File.WriteAllText(Path.Combine(folder, "1-1.msg"), "x");
        Directory.CreateDirectory(Path.Combine(folder, "deeper"));
        File.WriteAllText(Path.Combine(folder, "deeper", "2-2.msg"), "x");

        Assert.Equal([Path.Combine(folder, "1-1.msg")], outbox.Pending());
    }

    public void Dispose() => Directory.Delete(data, recursive: true);
}
