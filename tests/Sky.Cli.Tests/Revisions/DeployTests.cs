using Sky.Alerts;
using Sky.Api.Settings;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Revisions;

/// <summary><c>sky deploy --wait</c> and automatic rollback, end to end on the real engine with a real SMTP sink.</summary>
public sealed class DeployTests
{
    // The check keeps the daemon's defaults (interval 5 s, 2 retries).
    private const string Web = """
        web:
          maintainer:
            name: Jane Doe
            email: jane@example.com
          image: my-application
          ports: [ 8080 ]
          env: { RELEASE: "{release}" }
          checks:
            - http: {path}
              port: 8080
          instances:
            production:
              version: 1.0-SNAPSHOT
        """;

    private static string Version(int release, string checkPath) =>
        ConfigFile.Write(Web.Replace("{release}", release.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{path}", checkPath, StringComparison.Ordinal));

    [Fact]
    public async Task A_version_whose_check_fails_is_rolled_back_the_maintainer_is_told_why_and_deploy_exits_5()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings
        {
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" },
        });
        Assert.Equal(0, (await daemon.RunAsync("deploy", Version(1, "/health"), "--wait")).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        var good = await daemon.RunAsync("deploy", Version(2, "/health"), "--wait");
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("Deployed revision 2: healthy", good.Lines);

        var bad = await daemon.RunAsync("deploy", Version(3, "/missing"), "--wait");

        Assert.True(bad.ExitCode == ExitCodes.RolledBack, bad.ToString());
        Assert.Contains("Waiting for the rollout of revision 3 to pass its checks", bad.Lines);
        Assert.Contains("Revision 3 was rolled back", bad.Lines);
        Assert.Contains("rollout of web/production in revision 3 failed: ", bad.Error, StringComparison.Ordinal);
        Assert.Contains("; rolled back by revision 4", bad.Error, StringComparison.Ordinal);
        var env = (await Docker.InspectAsync(daemon.Name("web-production"))).GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString());
        Assert.Contains("RELEASE=2", env);

        var mail = await sink.WaitForAsync(m => m.Subject == "[sky] web/production rollout failed", "the rollout e-mail");
        Assert.Contains("jane@example.com", mail.To, StringComparison.Ordinal);
        Assert.Contains("/missing", mail.Body, StringComparison.Ordinal);
        Assert.Contains("rolled back by revision 4", mail.Body, StringComparison.Ordinal);

        var history = await daemon.RunAsync("service", "history", "web", "-o", "json");
        using var json = System.Text.Json.JsonDocument.Parse(history.Output);
        var outcomes = json.RootElement.GetProperty("revisions").EnumerateArray()
            .Select(r => (r.GetProperty("revision").GetInt64(), r.GetProperty("kind").GetString(), r.GetProperty("change").GetProperty("outcome").GetString()))
            .ToList();
        Assert.Equal((4L, "auto-rollback", "deployed"), outcomes[0]);
        Assert.Equal((3L, "apply", "rolled back"), outcomes[1]);
        Assert.Equal((2L, "apply", "deployed"), outcomes[2]);
    }

    [Fact]
    public async Task A_timeout_that_is_no_duration_is_refused_before_anything_is_applied()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var deploy = await daemon.RunAsync("deploy", Version(1, "/health"), "--wait", "--timeout", "soon");

        Assert.Equal(ExitCodes.Invalid, deploy.ExitCode);
        Assert.Contains("timeout: 'soon' is not a duration (use 90s, 10m)", deploy.Error, StringComparison.Ordinal);
        Assert.Empty((await daemon.RunAsync("revision", "list")).Lines.Skip(1));
    }
}
