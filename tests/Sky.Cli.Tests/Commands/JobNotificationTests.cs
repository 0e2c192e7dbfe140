using Sky.Alerts;
using Sky.Api.Settings;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Commands;

/// <summary>Job runs reach the maintainer's inbox through the daemon's SMTP settings (a real SMTP sink on loopback).</summary>
public sealed class JobNotificationTests
{
    [Fact]
    public async Task A_failing_scheduled_job_mails_its_maintainer_once_escalates_once_and_mails_again_when_it_succeeds()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: Mailing(sink));
        const string Flaky = """
            flaky:
              maintainer: { name: Jane Doe, email: jane@example.com }
              image: base:0.7
              command: echo "disk full on /backup" >&2; exit 4
              every: 2 seconds
            """;
        var path = ConfigFile.Write(Flaky);
        Assert.Equal(0, (await daemon.RunAsync("apply", path)).ExitCode);

        var failed = await sink.WaitForAsync(m => m.Subject == "[sky] flaky failed", "the failed-run e-mail");
        Assert.Contains("jane@example.com", failed.To, StringComparison.Ordinal);
        Assert.Contains("failed with exit code 4", failed.Body, StringComparison.Ordinal);
        Assert.Contains("disk full on /backup", failed.Body, StringComparison.Ordinal);
        Assert.Contains("trigger: schedule", failed.Body, StringComparison.Ordinal);
        await sink.WaitForAsync(m => m.Subject.StartsWith("[sky] flaky is still failing", StringComparison.Ordinal), "the escalation e-mail");
        await JobCommandTests.WaitForRunsAsync(daemon, "flaky", runs => runs.Count(r => r.State == "failed") >= 4);
        // Four failed runs, two messages: an incident, not a storm.
        Assert.Equal(2, sink.Messages().Count);

        File.WriteAllText(path, Flaky.Replace("echo \"disk full on /backup\" >&2; exit 4", "echo \"backup done\"", StringComparison.Ordinal));
        Assert.Equal(0, (await daemon.RunAsync("apply", path)).ExitCode);

        var recovered = await sink.WaitForAsync(m => m.Subject == "[sky] flaky succeeded again", "the e-mail that closes the incident");
        Assert.Contains("backup done", recovered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_with_notify_on_completion_mails_every_good_run_with_its_output()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: Mailing(sink));
        await daemon.RunAsync("apply", Path.Combine(Examples.Folder, "still-alive.yml"));

        var run = await daemon.RunAsync("job", "start", "still-alive", "--wait");
        Assert.True(run.ExitCode == 0, run.ToString());

        var completed = await sink.WaitForAsync(m => m.Subject == "[sky] still-alive completed", "the completion e-mail");
        Assert.Contains("jane@example.com", completed.To, StringComparison.Ordinal);
        Assert.Contains("succeeded", completed.Body, StringComparison.Ordinal);
        Assert.Contains("trigger: manual", completed.Body, StringComparison.Ordinal);
        Assert.Contains("Hey I'm still alive!", completed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_run_of_a_job_without_notify_on_completion_sends_nothing()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: Mailing(sink));
        await daemon.RunAsync("apply", ConfigFile.Write("""
            quiet:
              maintainer: { name: Jane Doe, email: jane@example.com }
              image: base:0.7
              command: "true"
              every: 1 day at 03:00
            """));

        Assert.Equal(0, (await daemon.RunAsync("job", "start", "quiet", "--wait")).ExitCode);
        // A failing run started after it proves the channel works; only its message may be in the inbox.
        await daemon.RunAsync("apply", ConfigFile.Write("""
            quiet:
              maintainer: { name: Jane Doe, email: jane@example.com }
              image: base:0.7
              command: exit 1
              every: 1 day at 03:00
            """));
        Assert.Equal(1, (await daemon.RunAsync("job", "start", "quiet", "--wait")).ExitCode);

        await sink.WaitForAsync(m => m.Subject == "[sky] quiet failed", "the failed-run e-mail");
        Assert.Single(sink.Messages());
    }

    private static DaemonSettings Mailing(SmtpSink sink) =>
        new() { Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" } };
}
