using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Sky.Testing.Peers;

/// <summary>
/// A real Graphite backend: Debian's carbon-cache in the foreground with its own configuration and whisper files in
/// a temp folder, receiving carbon plaintext on a loopback port and keeping every second for an hour. Values are read
/// back as Graphite would, with whisper-fetch. It can be stopped and started again on the same port and files (an
/// outage), and dies by itself after three minutes at the latest (<c>timeout</c>).
/// </summary>
public sealed class Carbon : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private Carbon(Process process, string folder, int port)
    {
        this.process = process;
        Folder = folder;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public int Port { get; }

    public string Folder { get; }

    private string Whisper => Path.Combine(Folder, "storage", "whisper");

    /// <summary>Starts carbon on a free port, or on <paramref name="port"/> over the files of <paramref name="folder"/> (a restart).</summary>
    public static async Task<Carbon> StartAsync(int? port = null, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("sky-carbon-").FullName;
        port ??= FreePort.Next();
        var configuration = Path.Combine(folder, "carbon.conf");
        await File.WriteAllTextAsync(configuration, $"""
            [cache]
            STORAGE_DIR = {folder}/storage
            LOCAL_DATA_DIR = {folder}/storage/whisper
            WHISPER_DIR = {folder}/storage/whisper
            LOG_DIR = {folder}/log
            PID_DIR = {folder}
            ENABLE_LOGROTATION = False
            ENABLE_TAGS = False
            USER =
            MAX_CACHE_SIZE = inf
            MAX_UPDATES_PER_SECOND = inf
            MAX_CREATES_PER_MINUTE = inf
            LINE_RECEIVER_INTERFACE = 127.0.0.1
            LINE_RECEIVER_PORT = {port}
            ENABLE_UDP_LISTENER = False
            PICKLE_RECEIVER_INTERFACE = 127.0.0.1
            PICKLE_RECEIVER_PORT = {FreePort.Next()}
            CACHE_QUERY_INTERFACE = 127.0.0.1
            CACHE_QUERY_PORT = {FreePort.Next()}

            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "storage-schemas.conf"), "[everything]\npattern = .*\nretentions = 1s:1h\n");
        // A carbon killed for an outage leaves its PID file, and carbon will not start over one.
        File.Delete(Path.Combine(folder, "carbon.pid"));
        var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "180", "carbon-cache", "--config=" + configuration, "--nodaemon", "--logfile=-", "--pidfile=" + Path.Combine(folder, "carbon.pid"), "start" })
        {
            start.ArgumentList.Add(argument);
        }

        var carbon = new Carbon(Process.Start(start)!, folder, port.Value);
        carbon.process.BeginOutputReadLine();
        carbon.process.BeginErrorReadLine();
        try
        {
            // carbon says so once its line receiver listens: readiness as an event.
            await Eventually.GetAsync(() => carbon.Said($"CarbonReceiverFactory starting on {port}"), TimeSpan.FromSeconds(20), "carbon-cache's line receiver");
            return carbon;
        }
        catch
        {
            await carbon.StopAsync();
            throw;
        }
    }

    /// <summary>The values whisper holds for <paramref name="path"/> (<c>a.b.c</c>), oldest first; empty before carbon wrote it.</summary>
    public async Task<IReadOnlyList<(long Time, double Value)>> ValuesAsync(string path)
    {
        var file = Path.Combine(Whisper, Path.Combine(path.Split('.')) + ".wsp");
        if (!File.Exists(file))
        {
            return [];
        }

        var fetch = new ProcessStartInfo("whisper-fetch") { RedirectStandardOutput = true, RedirectStandardError = true };
        fetch.ArgumentList.Add("--from=" + (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3500).ToString(CultureInfo.InvariantCulture));
        fetch.ArgumentList.Add(file);
        using var run = Process.Start(fetch)!;
        var text = await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && parts[1] != "None")
            .Select(parts => (long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Every metric path carbon has a file for.</summary>
    public IReadOnlyList<string> Paths() => Directory.Exists(Whisper)
        ? Directory.EnumerateFiles(Whisper, "*.wsp", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Whisper, f)[..^4].Replace('/', '.'))
            .Order(StringComparer.Ordinal)
            .ToList()
        : [];

    public string Output => string.Join('\n', output);

    /// <summary>Stops carbon and keeps its files, for a start again on the same port.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Stopped already (an outage test stops it first).
        }

        Directory.Delete(Folder, recursive: true);
    }

    private string? Said(string text)
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"carbon-cache ended before it listened:\n{Output}");
        }

        return output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
