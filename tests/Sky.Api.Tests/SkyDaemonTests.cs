using Microsoft.Extensions.Configuration;
using Sky.Testing.Peers;

namespace Sky.Api.Tests;

/// <summary>How the daemon is put together, where that shows outside it.</summary>
public sealed class SkyDaemonTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-daemon-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task No_configuration_file_is_watched_for_changes()
    {
        // A watched file means a watcher over the whole working folder: with the data folder under it (the default one
        // is under the home folder), every write of the store and the logs woke a thread of the daemon.
        await using var daemon = SkyDaemon.Build(new DaemonOptions { Listen = $"127.0.0.1:{FreePort.Next()}", DataDirectory = folder, Namespace = $"w{Guid.NewGuid():N}"[..9] });

        var files = ((IConfigurationRoot)daemon.Configuration).Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file.Source.Path} is watched"));
    }
}
