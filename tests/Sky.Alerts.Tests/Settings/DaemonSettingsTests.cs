using Sky.Api.Settings;
using Sky.Cli;

namespace Sky.Alerts.Tests.Settings;

/// <summary>The daemon's settings file: the documented example loads, and mistakes are reported where they are, all at once.</summary>
public sealed class DaemonSettingsTests
{
    [Fact]
    public void The_documented_example_loads_with_the_values_it_shows()
    {
        var result = DaemonSettingsLoader.Load(Path.Combine(RepositoryRoot(), "docs", "daemon-settings.yml"));

        Assert.Empty(result.Errors);
        var settings = result.Settings!;
        Assert.Equal("127.0.0.1:7070", settings.Listen);
        Assert.Equal(("127.0.0.1", 25, "sky@example.com", false), (settings.Smtp!.Host, settings.Smtp.Port, settings.Smtp.Sender, settings.Smtp.Tls));
        Assert.Equal("https://hooks.example.com/services/T000/B000/high", settings.Webhooks.High!.ToString());
        Assert.Equal((2, TimeSpan.FromHours(1)), (settings.Escalation.HighAfter, settings.Escalation.ReminderAfter));
        Assert.Equal(("base:0.7", TimeSpan.FromMinutes(10)), (settings.OneOff.Image, settings.OneOff.RemoveAfter));
        Assert.EndsWith(Path.Combine(".local", "share", "sky"), settings.DataDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_defaults_are_the_embedded_defaults()
    {
        var documented = DaemonSettingsLoader.Load(Path.Combine(RepositoryRoot(), "docs", "daemon-settings.yml")).Settings!;
        var embedded = new DaemonSettings();

        Assert.Equal(embedded.Escalation, documented.Escalation);
        Assert.Equal(embedded.OneOff, documented.OneOff);
        Assert.Equal(embedded.Jobs, documented.Jobs);
        Assert.Equal(embedded.Listen, documented.Listen);
        Assert.Equal(embedded.Router, documented.Router);
        Assert.Equal(embedded.Metrics, documented.Metrics);
        Assert.Equal(embedded.Statsd, documented.Statsd);
        Assert.Equal(embedded.StatsdForContainers, documented.StatsdForContainers);
        Assert.Equal(embedded.Graphite, documented.Graphite);
        Assert.Equal(embedded.Registry, documented.Registry);
    }

    [Fact]
    public void A_registry_is_the_HOST_PORT_its_images_are_named_with()
    {
        var settings = DaemonSettingsLoader.Parse("settings.yml", "registry: 127.0.0.1:5000\n").Settings!;

        Assert.Equal("127.0.0.1:5000", settings.Registry);
        Assert.Null(new DaemonSettings().Registry);
    }

    [Fact]
    public void An_empty_file_means_every_default()
    {
        var result = DaemonSettingsLoader.Parse("settings.yml", "# nothing set\n");

        Assert.Equal(new DaemonSettings(), result.Settings);
    }

    [Fact]
    public void The_password_is_never_printed()
    {
        var settings = DaemonSettingsLoader.Parse("settings.yml", "smtp: { host: mail, sender: sky@example.com, username: sky, password: hunter2 }").Settings!;

        Assert.Equal("hunter2", settings.Smtp!.Password);
        Assert.DoesNotContain("hunter2", settings.Smtp.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_data_folder_is_read_against_the_settings_file_folder()
    {
        var settings = DaemonSettingsLoader.Parse("settings.yml", "data-dir: data\n", "/etc/sky").Settings!;

        Assert.Equal("/etc/sky/data", settings.DataDirectory);
    }

    [Fact]
    public void Watched_folders_are_one_or_a_list_each_read_against_the_settings_file_folder()
    {
        var one = DaemonSettingsLoader.Parse("settings.yml", "watch: deploy\n", "/etc/sky").Settings!;
        var several = DaemonSettingsLoader.Parse("settings.yml", "watch: [ deploy, /srv/team-b ]\n", "/etc/sky").Settings!;

        Assert.Equal(["/etc/sky/deploy"], one.Watch);
        Assert.Equal(["/etc/sky/deploy", "/srv/team-b"], several.Watch);
    }

    [Theory]
    [InlineData("listen: 127.0.0.1:7070\nsmtp:\n  host: 127.0.0.1\n  port: abc\n  sender: sky@example.com\n",
        "settings.yml:4:9: smtp.port: expected a number, found 'abc'")]
    [InlineData("smtp:\n  host: mail\n  port: 70000\n  sender: sky@example.com\n",
        "settings.yml:3:9: smtp.port: '70000' is not a port (use a number from 1 to 65535)")]
    [InlineData("webhook:\n  low: https://hooks.example.com/x\n",
        "settings.yml:1:1: webhook: unknown key 'webhook' (did you mean 'webhooks'?)")]
    [InlineData("escalation:\n  high-afterr: 3\n",
        "settings.yml:2:3: escalation.high-afterr: unknown key 'high-afterr' (did you mean 'high-after'?)")]
    [InlineData("escalation:\n  reminder-after: soon\n",
        "settings.yml:2:19: escalation.reminder-after: 'soon' is not a duration (use 5s, 2m, 1h)")]
    [InlineData("escalation:\n  high-after: 0\n",
        "settings.yml:2:15: escalation.high-after: '0' is not a number of failures (use 1 or more)")]
    [InlineData("webhooks:\n  high: hooks.example.com/x\n",
        "settings.yml:2:9: webhooks.high: 'hooks.example.com/x' is not an http or https URL")]
    [InlineData("smtp: yes\n",
        "settings.yml:1:7: smtp: expected a mapping with host, port and sender, found 'yes'")]
    [InlineData("smtp:\n  host: mail\n  sender: sky@example.com\n  tls: maybe\n",
        "settings.yml:4:8: smtp.tls: 'maybe' is not true or false")]
    [InlineData("namespace: Staging\n",
        "settings.yml:1:12: namespace: 'Staging' is not a valid namespace (lower-case letters, digits and '-', at most 32)")]
    [InlineData("listen: 127.0.0.1\n",
        "settings.yml:1:9: listen: '127.0.0.1' is not HOST:PORT (such as 127.0.0.1:7070)")]
    [InlineData("listen: 127.0.0.1:7070\nlisten: 127.0.0.1:7071\n",
        "settings.yml:2:1: listen: duplicate entry 'listen' (first at settings.yml:1:1)")]
    [InlineData("jobs:\n  arm-ahead: soon\n",
        "settings.yml:2:14: jobs.arm-ahead: 'soon' is not a duration (use 5s, 2m, 1h)")]
    [InlineData("jobs:\n  arm-ahed: 1m\n",
        "settings.yml:2:3: jobs.arm-ahed: unknown key 'arm-ahed' (did you mean 'arm-ahead'?)")]
    [InlineData("one-off:\n  remove-after: [10m]\n",
        "settings.yml:2:17: one-off.remove-after: expected a duration, found a list")]
    [InlineData("registry: http://127.0.0.1:5000\n",
        "settings.yml:1:11: registry: 'http://127.0.0.1:5000' is a URL; give the registry as HOST:PORT (such as 127.0.0.1:5000), as image names carry it")]
    [InlineData("registry: 127.0.0.1\n",
        "settings.yml:1:11: registry: '127.0.0.1' is not HOST:PORT (such as 127.0.0.1:5000)")]
    public void A_mistake_is_reported_with_its_position_and_key_path(string content, string error)
    {
        var result = DaemonSettingsLoader.Parse("settings.yml", content);

        Assert.Null(result.Settings);
        Assert.Equal([error], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Every_mistake_is_reported_at_once_in_file_order()
    {
        const string content = """
            smtp:
              host: mail
              username: sky
            escalation:
              high-after: many
            webhooks:
              medium: https://hooks.example.com/x
            """;

        var errors = DaemonSettingsLoader.Parse("settings.yml", content).Errors.Select(e => e.ToString());

        Assert.Equal(
            [
                "settings.yml:2:3: smtp: missing key 'sender'",
                "settings.yml:2:3: smtp: give both username and password, or neither",
                "settings.yml:5:15: escalation.high-after: 'many' is not a number of failures (use 1 or more)",
                "settings.yml:7:3: webhooks.medium: unknown key 'medium'",
            ],
            errors);
    }

    [Fact]
    public async Task The_daemon_refuses_to_start_with_invalid_settings()
    {
        var folder = Directory.CreateTempSubdirectory("sky-settings-").FullName;
        try
        {
            var file = Path.Combine(folder, "settings.yml");
            await File.WriteAllTextAsync(file, "smtp:\n  host: mail\n  port: abc\n  sender: sky@example.com\nescalation:\n  reminder-after: soon\n");
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = await SkyCommandLine.RunAsync(["daemon", "--config", file, "--data-dir", folder], output, error);

            Assert.Equal(ExitCodes.Invalid, exitCode);
            Assert.Contains($"{file}:3:9: smtp.port: expected a number, found 'abc'", error.ToString(), StringComparison.Ordinal);
            Assert.Contains($"{file}:6:19: escalation.reminder-after: 'soon' is not a duration", error.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "sky.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "sky.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
