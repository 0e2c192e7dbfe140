using System.Diagnostics;
using System.Text.Json;

namespace Sky.Cli.Tests.Commands;

/// <summary>
/// <c>-o json</c> on every command: stdout holds JSON alone (one document, or one a line for streams), with durations
/// as seconds in numbers; what is meant for people goes to stderr. On the real engine.
/// </summary>
public sealed class JsonOutputTests
{
    private const string Web = """
        web:
          image: base:0.7
          command: sleep 300
        """;

    [Fact]
    public async Task Snitch_prints_one_document_on_stdout_and_the_commands_output_and_its_own_lines_on_stderr()
    {
        var run = await CliRun.AgainstAsync("http://127.0.0.1:9", "snitch", "-o", "json", "-c", "echo out; echo err >&2; exit 3");

        Assert.True(run.ExitCode == 3, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(("echo out; echo err >&2; exit 3", 3), (root.GetProperty("command").GetString(), root.GetProperty("exitCode").GetInt32()));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("durationSeconds").ValueKind);
        Assert.Equal(["err", "out"], root.GetProperty("tail").EnumerateArray().Select(l => l.GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("snitch: started: echo out", run.Error, StringComparison.Ordinal);
        Assert.Contains("\nout\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_validate_and_service_start_restart_and_stop_print_one_document_each()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var path = ConfigFile.Write(Web);

        string[][] commands = [["validate", path], ["apply", path], ["service", "start", "web"], ["service", "restart", "web"], ["service", "stop", "web"]];
        var runs = new List<CliRun>();
        foreach (var args in commands)
        {
            runs.Add(await daemon.RunAsync([.. args, "-o", "json"]));
        }

        Assert.All(runs, r => Assert.True(r.ExitCode == 0 && r.Error.Length == 0, r.ToString()));
        var documents = runs.Select(r => JsonDocument.Parse(r.Output)).ToList();
        Assert.All(documents, d => Assert.True(d.RootElement.GetProperty("ok").GetBoolean()));
        Assert.Equal(1, documents[1].RootElement.GetProperty("revision").GetInt64());
        Assert.Equal(["done", "done", "done"], documents.Skip(2).Select(d => d.RootElement.GetProperty("steps").EnumerateArray().Last().GetProperty("status").GetString()));
        documents.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task Run_prints_its_output_and_exit_code_as_one_json_line_each()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var run = await daemon.RunAsync("run", "-o", "json", "base:0.7", "--", "sh", "-c", "echo out; echo err >&2; exit 3");

        Assert.True(run.ExitCode == 3 && run.Error.Length == 0, run.ToString());
        var lines = run.Lines.Select(l => JsonSerializer.Deserialize(l, CliTestJsonContext.Default.DictionaryStringJsonElement)!).ToList();
        Assert.Equal(["stderr:err", "stdout:out"], lines.Where(l => l.ContainsKey("text")).Select(l => $"{l["type"]}:{l["text"]}").Order(StringComparer.Ordinal));
        Assert.Equal(("exit", 3), (lines[^1]["type"].GetString(), lines[^1]["exitCode"].GetInt32()));
    }

    [Fact]
    public async Task Container_starts_a_described_one_off_for_scripts_and_attach_reports_the_shells_exit_code()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var container = await daemon.RunAsync("container", "-o", "json");

        Assert.True(container.ExitCode == 0, container.ToString());
        using var created = JsonDocument.Parse(container.Output);
        var id = created.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("running", created.RootElement.GetProperty("state").GetString());
        Assert.Contains($"sky attach {id}", container.Error, StringComparison.Ordinal);

        // A script's attach: keystrokes from a pipe, the terminal's bytes on stderr, the outcome on stdout.
        var (exitCode, output, error) = await AttachAsync(daemon, id, "exit 7\n");

        Assert.True(exitCode == 7, $"exit {exitCode}\nstdout:\n{output}\nstderr:\n{error}");
        using var outcome = JsonDocument.Parse(output);
        Assert.Equal((id, false, 7), (outcome.RootElement.GetProperty("id").GetString(), outcome.RootElement.GetProperty("detached").GetBoolean(), outcome.RootElement.GetProperty("exitCode").GetInt32()));
    }

    private static async Task<(int ExitCode, string Output, string Error)> AttachAsync(TestDaemon daemon, string id, string keys)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sky.dll"), "attach", id, "-o", "json" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SKY_ADDR"] = daemon.Address;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(keys);
        await process.StandardInput.FlushAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
