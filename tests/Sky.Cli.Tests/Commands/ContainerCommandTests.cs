using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Commands;

/// <summary>
/// <c>sky container</c>, <c>sky attach</c> and <c>sky containers</c>: the interactive ones run as real processes in a
/// real terminal (a tmux server of the test's own), against a real daemon process.
/// </summary>
public sealed partial class ContainerCommandTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static string SkyDll => Path.Combine(AppContext.BaseDirectory, "sky.dll");

    [Fact]
    public async Task A_shell_runs_commands_detaches_with_ctrl_p_ctrl_q_keeps_running_and_reattaches_until_exit()
    {
        var ns = $"t{Guid.NewGuid():N}"[..9];
        var socket = $"sky-{ns}";
        var dataDirectory = Directory.CreateTempSubdirectory("sky-test-").FullName;
        var port = FreePort.Next();
        var sky = $"SKY_ADDR=http://127.0.0.1:{port} dotnet {SkyDll}";
        using var daemon = StartDaemon(port, dataDirectory, ns);
        try
        {
            await WaitForDaemonAsync(port);
            await TmuxAsync(socket, "new-session", "-d", "-x", "120", "-y", "30", "-s", "sky", $"{sky} container; echo sky-exited-$?; sleep 60");

            await WaitForPaneAsync(socket, "sky:0", ":/#");
            await TmuxAsync(socket, "send-keys", "-t", "sky:0", "echo hello-$((6*7))", "Enter");
            var pane = await WaitForPaneAsync(socket, "sky:0", "hello-42");

            // Raw mode: the typed line is echoed once, by the container's terminal, not also by the local one.
            Assert.Equal(1, Regex.Count(pane, Regex.Escape("echo hello-$((6*7))")));

            await TmuxAsync(socket, "send-keys", "-t", "sky:0", "C-p", "C-q");
            pane = await WaitForPaneAsync(socket, "sky:0", "sky-exited-");
            var detached = DetachedLine().Match(pane);
            Assert.True(detached.Success, pane);
            Assert.Contains("sky-exited-0", pane, StringComparison.Ordinal);
            var id = detached.Groups["id"].Value;
            var running = await DockerWitness.ContainerNamesAsync(ns, runningOnly: true);
            Assert.Equal([detached.Groups["name"].Value], running);

            await TmuxAsync(socket, "new-window", "-t", "sky:1", $"{sky} attach {id}; echo sky-exited-$?; sleep 60");
            await PressEnterUntilPromptAsync(socket, "sky:1");
            await TmuxAsync(socket, "send-keys", "-t", "sky:1", "exit 7", "Enter");
            await WaitForPaneAsync(socket, "sky:1", "sky-exited-7");

            Assert.Empty(await DockerWitness.ContainerNamesAsync(ns, runningOnly: true));
        }
        finally
        {
            await ProgramRun.RawAsync("tmux", "-L", socket, "kill-server");
            daemon.Kill(entireProcessTree: true);
            await daemon.WaitForExitAsync();
            await DockerWitness.CleanNamespaceAsync(ns);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Containers_lists_a_one_off_with_its_image_state_and_age()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(daemon.Address) };
        using var created = await http.PostAsync("/api/v1/oneoffs", new StringContent("""{"image":"base:0.7"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var oneOff = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = oneOff.GetProperty("id").GetString()!;
        var name = oneOff.GetProperty("name").GetString()!;

        var table = await daemon.RunAsync("containers");
        var json = await daemon.RunAsync("containers", "--output", "json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal(["ID", "NAME", "IMAGE", "AGE", "STATE"], table.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = table.Lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(id, row[0]);
        Assert.Equal(name, row[1]);
        Assert.Equal("base:0.7", row[2]);
        Assert.Matches(@"^\d+s$", row[3]);
        Assert.Equal("running", row[4]);
        Assert.StartsWith(daemon.Name("shell-"), name, StringComparison.Ordinal);

        var listed = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().Single();
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("running", listed.GetProperty("state").GetString());
        Assert.Equal("shell", listed.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Attaching_to_an_unknown_container_is_not_found()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var attach = await daemon.RunAsync("attach", "0123456789ab");

        Assert.True(attach.ExitCode == 4, attach.ToString());
        Assert.Contains("no one-off container 0123456789ab", attach.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"detached from (?<name>\S+) \(sky attach (?<id>[0-9a-f]{12}) to return\)")]
    private static partial Regex DetachedLine();

    private static Process StartDaemon(int port, string dataDirectory, string ns)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { SkyDll, "daemon", "--listen", $"127.0.0.1:{port}", "--router-listen", "127.0.0.1:0", "--statsd-listen", "off", "--data-dir", dataDirectory, "--namespace", ns })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;

        // Drained so that a chatty daemon never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForDaemonAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/v1/version"));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Polls the window's screen until <paramref name="text"/> shows; returns the screen.</summary>
    private static async Task<string> WaitForPaneAsync(string socket, string target, string text)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var pane = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            pane = await CaptureAsync(socket, target);
            if (pane.Contains(text, StringComparison.Ordinal))
            {
                return pane;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"'{text}' did not appear in {target} within {Deadline.TotalSeconds} s; the screen:\n{pane}");
    }

    /// <summary>A re-attach shows no old output: Enter until the shell answers with a prompt proves the session is live.</summary>
    private static async Task PressEnterUntilPromptAsync(string socket, string target)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            await TmuxAsync(socket, "send-keys", "-t", target, "Enter");
            await Task.Delay(500);
            if ((await CaptureAsync(socket, target)).Contains(":/#", StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new TimeoutException($"no prompt in {target}:\n{await CaptureAsync(socket, target)}");
    }

    private static async Task<string> CaptureAsync(string socket, string target) => await TmuxAsync(socket, "capture-pane", "-p", "-t", target);

    private static async Task<string> TmuxAsync(string socket, params string[] args)
    {
        return await ProgramRun.CheckedAsync("tmux", ["-L", socket, .. args]);
    }

}
