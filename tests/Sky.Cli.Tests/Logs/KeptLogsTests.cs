using System.Globalization;
using System.Text.Json;
using Sky.Testing;

namespace Sky.Cli.Tests.Logs;

/// <summary>Logs kept by the daemon's own store, on a real engine: they outlive their containers and survive a kill -9.</summary>
public sealed class KeptLogsTests
{
    [Fact]
    public async Task Ten_thousand_lines_stay_readable_in_order_after_the_service_is_removed_from_the_configuration()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var config = ConfigFile.Write("printer:\n  image: base:0.7\n  command: i=1; while [ $i -le 10000 ]; do echo line $i; i=$((i+1)); done; sleep 600\n");
        Assert.Equal(0, (await daemon.RunAsync("apply", config)).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "printer")).ExitCode);
        await Eventually.WaitForAsync(() => daemon.RunAsync("service", "logs", "printer", "--tail", "1"), r => r.Output.Contains("line 10000", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the last line stored");

        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write("other:\n  image: base:0.7\n  command: sleep 600\n"))).ExitCode);
        await Eventually.WaitForAsync(() => DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: false), names => !names.Contains(daemon.Name("printer")), TimeSpan.FromSeconds(30), "the printer container removed");

        var logs = await daemon.RunAsync("service", "logs", "printer");
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Equal(Enumerable.Range(1, 10000).Select(i => $"{daemon.Name("printer")} | line {i}"), logs.Lines);

        var json = await daemon.RunAsync("service", "logs", "printer", "--tail", "1", "-o", "json");
        var last = JsonDocument.Parse(json.Lines.Single()).RootElement;
        Assert.Equal(("line 10000", "printer", "default", "stdout", 1), (last.GetProperty("text").GetString(), last.GetProperty("service").GetString(), last.GetProperty("instance").GetString(), last.GetProperty("stream").GetString(), last.GetProperty("replica").GetInt32()));
        Assert.True(last.GetProperty("revision").GetInt64() >= 1);
    }

    [Fact]
    public async Task After_a_kill_9_of_the_daemon_the_stored_sequence_has_no_gap_and_no_line_twice()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var config = ConfigFile.Write("counter:\n  image: base:0.7\n  command: i=0; while true; do echo $i; i=$((i+1)); usleep 2000; done\n");
        Assert.Equal(0, (await daemon.RunAsync("apply", config)).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "counter")).ExitCode);
        await Eventually.WaitForAsync(() => daemon.RunAsync("service", "logs", "counter", "--tail", "1"), r => Last(r) >= 200, TimeSpan.FromSeconds(30), "200 lines stored");

        await daemon.KillAsync();
        await daemon.StartAgainAsync();
        var before = Last(await daemon.RunAsync("service", "logs", "counter", "--tail", "1"));
        await Eventually.WaitForAsync(() => daemon.RunAsync("service", "logs", "counter", "--tail", "1"), r => Last(r) >= before + 200, TimeSpan.FromSeconds(30), "200 more lines stored after the restart");

        var numbers = (await daemon.RunAsync("service", "logs", "counter")).Lines.Select(l => long.Parse(l.Split(" | ")[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, numbers.Count).Select(i => (long)i), numbers);
    }

    [Fact]
    public async Task A_40_KB_line_comes_back_whole_and_escape_sequences_script_tags_and_invalid_UTF_8_come_back_safely()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var command = "head -c 40000 /dev/zero | tr '\\\\0' a; echo; printf '\\\\033[2J\\\\033]0;owned\\\\007 <script>alert(1)</script> \\\\377\\\\376 end\\\\n'; sleep 600";
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write($"odd:\n  image: base:0.7\n  command: \"{command}\"\n"))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "odd")).ExitCode);
        await Eventually.WaitForAsync(() => daemon.RunAsync("service", "logs", "odd", "-o", "json"), r => r.Lines.Length == 2, TimeSpan.FromSeconds(30), "both lines stored");

        var json = (await daemon.RunAsync("service", "logs", "odd", "-o", "json")).Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(new string('a', 40000), json[0].GetProperty("text").GetString());
        Assert.False(json[0].GetProperty("truncated").GetBoolean());
        Assert.Equal("\u001b[2J\u001b]0;owned\u0007 <script>alert(1)</script> \ufffd\ufffd end", json[1].GetProperty("text").GetString());

        var printed = (await daemon.RunAsync("service", "logs", "odd", "--tail", "1")).Lines.Single();
        Assert.Equal($"{daemon.Name("odd")} | \\x1b[2J\\x1b]0;owned\\x07 <script>alert(1)</script> \ufffd\ufffd end", printed);
        var raw = (await daemon.RunAsync("service", "logs", "odd", "--tail", "1", "--raw")).Lines.Single();
        Assert.Contains("\u001b[2J", raw, StringComparison.Ordinal);
    }

    private static long Last(CliRun run) =>
        run.Lines.Length == 1 && long.TryParse(run.Lines[0].Split(" | ").Last(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
