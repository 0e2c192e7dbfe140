using System.Text.Json;

namespace Sky.Cli.Tests.Commands;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_shows_the_daemon_s_identity_which_its_data_folder_keeps_across_restarts()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var table = await daemon.RunAsync("version");
        await daemon.StopAsync();
        await daemon.StartAgainAsync();

        var json = await daemon.RunAsync("version", "-o", "json");

        Assert.NotNull(daemon.Identity);
        Assert.Contains(table.Lines, l => l.StartsWith("daemon: ", StringComparison.Ordinal) && l.EndsWith($", identity {daemon.Identity} (data folder {daemon.DataDirectory})", StringComparison.Ordinal));
        using var answer = JsonDocument.Parse(json.Output);
        var identity = answer.RootElement.GetProperty("daemon").GetProperty("daemon");
        Assert.Equal((daemon.Identity, daemon.DataDirectory), (identity.GetProperty("identity").GetString(), identity.GetProperty("dataFolder").GetString()));
    }
}
