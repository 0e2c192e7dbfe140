using System.Text;

namespace Sky.Runtime.Tests;

public class DockerRuntimeExecTests
{
    [Fact]
    public async Task Exec_returns_the_command_exit_code_and_both_output_streams()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("target", "sleep", "300");

        var result = await scope.Runtime.ExecAsync(id, ["sh", "-c", "echo to-stdout; echo to-stderr >&2; exit 5"], scope.Token);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("to-stdout\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("to-stderr\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_of_a_successful_command_returns_zero_and_its_output()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("target", "sleep", "300");

        var result = await scope.Runtime.ExecAsync(id, ["cat", "/etc/passwd"], scope.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("root:x:0:0:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_in_a_stopped_container_is_refused_by_the_engine()
    {
        await using var scope = new EngineScope();
        var id = await scope.CreateAsync(new ContainerCreateRequest { Name = scope.Name("idle"), Image = EngineScope.Image, Command = ["true"] });

        var error = await Assert.ThrowsAsync<EngineException>(() => scope.Runtime.ExecAsync(id, ["true"], scope.Token));

        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task Attaching_to_a_terminal_shell_lets_us_type_a_command_and_read_its_answer()
    {
        await using var scope = new EngineScope();
        var id = await StartShellAsync(scope);

        await using var terminal = await scope.Runtime.AttachAsync(id, scope.Token);
        await terminal.WriteAsync("echo hi\n"u8.ToArray(), scope.Token);

        // The terminal echoes the typed line too; the answer is a line of its own.
        var screen = await ReadUntilAsync(terminal, s => Lines(s).Contains("hi"), scope.Token);
        Assert.Contains("hi", Lines(screen));
    }

    [Fact]
    public async Task Resizing_the_terminal_changes_the_size_the_shell_sees()
    {
        await using var scope = new EngineScope();
        var id = await StartShellAsync(scope);
        await using var terminal = await scope.Runtime.AttachAsync(id, scope.Token);

        await scope.Runtime.ResizeTtyAsync(id, 123, 45, scope.Token);
        await terminal.WriteAsync("stty size\n"u8.ToArray(), scope.Token);

        var screen = await ReadUntilAsync(terminal, s => Lines(s).Contains("45 123"), scope.Token);
        Assert.Contains("45 123", Lines(screen));
    }

    [Fact]
    public async Task Detaching_leaves_the_shell_running_for_a_later_attach()
    {
        await using var scope = new EngineScope();
        var id = await StartShellAsync(scope);
        await using (var first = await scope.Runtime.AttachAsync(id, scope.Token))
        {
            await first.WriteAsync("X=remembered\n"u8.ToArray(), scope.Token);
            await ReadUntilAsync(first, s => s.Contains("X=remembered", StringComparison.Ordinal), scope.Token);
        }

        await using var second = await scope.Runtime.AttachAsync(id, scope.Token);
        await second.WriteAsync("echo $X\n"u8.ToArray(), scope.Token);

        var screen = await ReadUntilAsync(second, s => Lines(s).Contains("remembered"), scope.Token);
        Assert.Contains("remembered", Lines(screen));
    }

    [Fact]
    public async Task Attaching_to_a_container_that_does_not_exist_is_an_engine_refusal()
    {
        await using var scope = new EngineScope();

        var error = await Assert.ThrowsAsync<EngineException>(() => scope.Runtime.AttachAsync(scope.Name("missing"), scope.Token));

        Assert.Equal(404, error.StatusCode);
    }

    private static async Task<string> StartShellAsync(EngineScope scope)
    {
        var id = await scope.CreateAsync(new ContainerCreateRequest
        {
            Name = scope.Name("shell"),
            Image = EngineScope.Image,
            Command = ["sh"],
            Tty = true,
            OpenStdin = true,
        });
        await scope.Runtime.StartContainerAsync(id, scope.Token);
        return id;
    }

    private static List<string> Lines(string screen) => screen.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    private static async Task<string> ReadUntilAsync(Stream stream, Func<string, bool> done, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(15));
        var screen = new StringBuilder();
        var buffer = new byte[4096];
        while (!done(screen.ToString()))
        {
            var read = await stream.ReadAsync(buffer, limit.Token);
            Assert.True(read > 0, $"the terminal closed; it showed: {screen}");
            screen.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return screen.ToString();
    }
}
