using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace Sky.Testing.Peers;

/// <summary>
/// A real image registry: Debian's <c>docker-registry</c> (the Distribution registry 2.8) on a free loopback port,
/// with its own configuration and storage in a temp folder, so a test pushes to it and has the engine pull from it
/// without any outside registry. The engine speaks plain HTTP to it since it treats <c>127.0.0.0/8</c> as insecure.
/// It dies by itself after five minutes at the latest (<c>timeout</c>) and is stopped by its PID when disposed.
/// </summary>
public sealed class DockerRegistry : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;
    private readonly ConcurrentQueue<string> output = new();

    private DockerRegistry(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>: the daemon's <c>registry:</c> setting, and the prefix of the images it holds.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public string Output => string.Join('\n', output);

    public static async Task<DockerRegistry> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("sky-registry-").FullName;
        var port = FreePort.Next();
        var configuration = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(configuration, $"""
            version: 0.1
            log:
              level: info
            storage:
              filesystem:
                rootdirectory: {folder}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}

            """);
        var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "300", "docker-registry", "serve", configuration })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            Directory.Delete(folder, recursive: true);
            throw new InvalidOperationException("cannot run timeout docker-registry: install Debian's docker-registry (scripts/install-test-deps.sh)", exception);
        }

        var registry = new DockerRegistry(process, folder, port);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await registry.WaitUntilItAnswersAsync();
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Ready when <c>GET /v2/</c> answers 200: the API a push and a pull start with.</summary>
    private async Task WaitUntilItAnswersAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry ended before it answered:\n{Output}");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri($"http://{Address}/v2/"));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"docker-registry did not answer GET /v2/ on {Address} within 20 s:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
