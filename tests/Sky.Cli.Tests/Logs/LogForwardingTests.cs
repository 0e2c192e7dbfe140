using System.Text.Json;
using Sky.Api.Settings;
using Sky.Logs.Forwarding;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Logs;

/// <summary>The daemon forwards what its containers write to a real rsyslog and a GELF receiver, labels included.</summary>
public sealed class LogForwardingTests
{
    [Fact]
    public async Task A_container_s_lines_reach_rsyslog_and_a_gelf_receiver_with_their_labels_and_status_counts_them()
    {
        await using var rsyslog = await Rsyslog.StartAsync();
        await using var gelf = GelfReceiver.StartUdp();
        var forward = new[] { $"syslog+tcp://127.0.0.1:{rsyslog.TcpPort}", $"gelf+udp://127.0.0.1:{gelf.Port}" }
            .Select(t => ForwardTarget.TryParse(t, out var target, out _) ? target : throw new InvalidOperationException(t)).ToList();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings { Logs = new LogSettings { Forward = forward } });
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write("talker:\n  image: base:0.7\n  command: echo hello central logs; echo trouble >&2; sleep 600\n"))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "talker")).ExitCode);

        var syslog = await rsyslog.WaitForAsync(m => m.App == "talker" && m.Message == "trouble", "the stderr line at rsyslog");
        Assert.Equal((3 + 8, daemon.Name("talker"), "stderr"), (syslog.Priority, syslog.ProcId, syslog.MsgId));
        Assert.Equal(("talker", "default", "1"), (syslog.Parameters["service"], syslog.Parameters["instance"], syslog.Parameters["replica"]));
        var message = await gelf.WaitForAsync(m => m.ShortMessage == "hello central logs", "the stdout line at the GELF receiver");
        Assert.Equal(("talker", daemon.Name("talker"), "6"), (message.Field("_service"), message.Field("_container"), message.Field("level")));
        Assert.Empty(gelf.Problems);

        var status = JsonDocument.Parse((await daemon.RunAsync("logs", "status", "-o", "json")).Output).RootElement;
        var targets = status.GetProperty("forwarding").EnumerateArray().ToList();
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.True(t.GetProperty("sent").GetInt64() >= 2 && t.GetProperty("dropped").GetInt64() == 0, t.ToString()));
        Assert.True(status.GetProperty("lines").GetInt64() >= 2);
    }
}
