using System.Text.RegularExpressions;
using Sky.Alerts;
using Sky.Api.Settings;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Commands;

/// <summary>
/// snitch inside a sky container (here one started by <c>sky run</c>, the same as <c>sky container</c> makes): the
/// script the daemon mounts runs the command, logs start and end, keeps the exit code, and its notice reaches people.
/// </summary>
public sealed partial class SnitchInContainerTests
{
    [Fact]
    public async Task A_failing_command_keeps_its_exit_code_and_its_notice_is_mailed_by_the_daemon()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings
        {
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" },
        });

        var run = await daemon.RunAsync(
            "run", "base:0.7", "--", "snitch", "--notify-email", "jane@example.com", "-c", "for i in $(seq 1 30); do echo line $i; done; exit 3");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Matches(StartLine(), run.Lines[0]);
        Assert.Equal("line 1", run.Lines[1]);
        Assert.Contains(run.Lines, l => FailedLine().IsMatch(l));
        Assert.Contains(run.Lines, l => l.Contains("snitch: notification sent to the daemon: email jane@example.com", StringComparison.Ordinal));
        var mail = await sink.WaitForAsync(m => m.To.Contains("jane@example.com", StringComparison.Ordinal), "the snitch e-mail");
        Assert.Equal("[sky] snitch: for i in $(seq 1 30); do echo line $i; done; exit 3 failed (exit 3)", mail.Subject);
        Assert.Contains("failed with exit code 3 after", mail.Body, StringComparison.Ordinal);
        Assert.Contains("line 30", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("line 10\n", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_command_posts_to_the_webhook()
    {
        using var webhook = new WebhookReceiver();
        await using var daemon = await TestDaemon.StartAsync();

        var run = await daemon.RunAsync("run", "base:0.7", "--", "snitch", "--notify-webhook", webhook.Url, "-c", "echo backed up");

        Assert.True(run.ExitCode == 0, run.ToString());
        var post = await webhook.WaitForAsync(_ => true, "the snitch webhook post");
        Assert.Equal("[sky] snitch: echo backed up finished (exit 0)", (string?)post["text"]);
        Assert.Contains("backed up", (string?)post["attachments"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task E_mail_through_a_daemon_without_smtp_settings_is_refused_with_the_reason_and_the_exit_code_stands()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var run = await daemon.RunAsync("run", "base:0.7", "--", "snitch", "--notify-email", "jane@example.com", "-c", "exit 5");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("snitch: the notification could not be sent: this daemon has no SMTP settings", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\] snitch: started: for i in")]
    private static partial Regex StartLine();

    [GeneratedRegex(@"^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\] snitch: failed: exit 3 after \d+\.\ds$")]
    private static partial Regex FailedLine();
}
