using System.Diagnostics;
using System.Text.RegularExpressions;
using Sky.Api.Settings;
using Sky.Cli;
using Sky.Cli.Commands;
using Sky.Contracts;
using Sky.Testing.Peers;

namespace Sky.Alerts.Tests.Cli;

/// <summary><c>sky snitch</c>: the command's output and exit code pass through, its start and end are logged, people are told.</summary>
public sealed partial class SnitchCommandTests
{
    [Fact]
    public async Task A_failing_command_passes_its_exit_code_through_logs_start_and_end_and_mails_the_tail_of_its_output()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings { Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" } });

        var (exitCode, output, error) = await daemon.RunAsync(
            "snitch", "--notify-email", "jane@example.com", "-c", "for i in $(seq 1 30); do echo line $i; done; echo oops >&2; exit 3");

        Assert.Equal(3, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(StartLine(), lines[0]);
        Assert.Equal("line 1", lines[1]);
        Assert.Contains(lines, l => FailedLine().IsMatch(l));
        Assert.Contains("oops", error, StringComparison.Ordinal);
        var mail = await sink.WaitForAsync(m => m.To.Contains("jane@example.com", StringComparison.Ordinal), "the snitch e-mail");
        Assert.StartsWith("[sky] snitch: for i in", mail.Subject, StringComparison.Ordinal);
        Assert.EndsWith("failed (exit 3)", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("failed with exit code 3 after", mail.Body, StringComparison.Ordinal);
        Assert.Contains("line 30", mail.Body, StringComparison.Ordinal);
        Assert.Contains("oops", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("line 10\n", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_command_exits_0_and_posts_to_the_webhook()
    {
        using var webhook = new WebhookReceiver();
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());

        var (exitCode, output, error) = await daemon.RunAsync("snitch", "--notify-webhook", webhook.Url, "-c", "echo backed up");

        Assert.Equal(0, exitCode);
        Assert.Matches(FinishedLine(), output);
        Assert.Contains($"snitch: notified by webhook http://127.0.0.1:{new Uri(webhook.Url).Port}/…", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        var post = await webhook.WaitForAsync(_ => true, "the snitch webhook post");
        Assert.Equal("[sky] snitch: echo backed up finished (exit 0)", (string?)post["text"]);
        Assert.Equal("good", (string?)post["attachments"]![0]!["color"]);
        Assert.Contains("backed up", (string?)post["attachments"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_daemon_the_command_still_runs_and_its_exit_code_stands()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "sky.dll"), "snitch", "--notify-email", "jane@example.com", "-c", "echo ran; exit 7" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SKY_ADDR"] = "http://127.0.0.1:9";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(7, process.ExitCode);
        Assert.Contains("ran", await output, StringComparison.Ordinal);
        Assert.Matches(FailedLine(), await output);
        Assert.Contains("snitch: the notification could not be sent, nobody was told: cannot reach the sky daemon at http://127.0.0.1:9", await error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_through_a_daemon_without_smtp_settings_is_refused_with_a_clear_message()
    {
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());

        var (exitCode, _, error) = await daemon.RunAsync("snitch", "--notify-email", "jane@example.com", "-c", "true");

        Assert.Equal(0, exitCode);
        Assert.Contains("snitch: the notification could not be sent, nobody was told: this daemon has no SMTP settings", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_channel_the_exit_code_stands_and_stderr_says_nobody_was_told()
    {
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());

        var (exitCode, output, error) = await daemon.RunAsync("snitch", "-c", "echo done; exit 4");

        Assert.Equal(4, exitCode);
        Assert.Contains("done", output, StringComparison.Ordinal);
        Assert.Equal("snitch: no channel configured (--notify-email, --notify-webhook): nobody was told", error.Trim());
    }

    [Fact]
    public async Task A_webhook_that_refuses_the_notice_is_said_on_stderr_and_the_exit_code_stands()
    {
        using var webhook = new WebhookReceiver(failFirst: int.MaxValue);
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());

        var (exitCode, output, error) = await daemon.RunAsync("snitch", "--notify-webhook", webhook.Url, "-c", "true");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("notified", output, StringComparison.Ordinal);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                $"snitch: webhook http://127.0.0.1:{new Uri(webhook.Url).Port}/… failed: the webhook answered 503 Service Unavailable (the daemon tries again; see sky events)",
                "snitch: nobody was told",
            ],
            lines);
    }

    [Theory]
    [InlineData(0.04, "0.0s")]
    [InlineData(3.21, "3.2s")]
    [InlineData(123.5, "2m 3s")]
    [InlineData(3723, "1h 2m")]
    public void Durations_read_naturally(double seconds, string text) =>
        Assert.Equal(text, SnitchNotice.FormatDuration(TimeSpan.FromSeconds(seconds)));

    [GeneratedRegex(@"^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\] snitch: started: for i in")]
    private static partial Regex StartLine();

    [GeneratedRegex(@"\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\] snitch: failed: exit \d+ after \d+\.\ds")]
    private static partial Regex FailedLine();

    [GeneratedRegex(@"\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\] snitch: finished: exit 0 after \d+\.\ds")]
    private static partial Regex FinishedLine();
}
