using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests;

/// <summary>
/// What every daemon a test starts has of its own: a fresh namespace, data folder and loopback port, so tests run in
/// parallel on one engine without seeing each other, and the clean-up that removes all of it. A test of daemons sharing
/// a namespace gives the second one the first one's.
/// </summary>
public abstract class ScopedDaemon(string prefix, string? sharedNamespace = null)
{
    public string Namespace { get; } = sharedNamespace ?? $"{prefix}{Guid.NewGuid():N}"[..9];

    /// <summary>The identity of the data folder, made at the daemon's first start (null before it).</summary>
    public string? Identity
    {
        get
        {
            var path = Path.Combine(DataDirectory, "identity");
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("sky-test-").FullName;

    public int Port { get; } = FreePort.Next();

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>The router's port, kept across restarts so a test's requests find it again.</summary>
    public int RouterPort { get; } = FreePort.Next();

    public string RouterAddress => $"http://127.0.0.1:{RouterPort}";

    /// <summary>Runs the CLI in-process against this daemon.</summary>
    /// <summary>
    /// Runs the CLI against this daemon. Tests write each configuration to a fresh temp folder, where a user edits one
    /// file: an <c>apply</c>, <c>diff</c> or <c>deploy</c> that names no source is given <see cref="TestSource"/>, so a test's
    /// configurations replace one another as one user's edits do. Tests of sources name theirs, or call
    /// <see cref="CliRun.AgainstAsync"/> themselves to be named by their path.
    /// </summary>
    public Task<CliRun> RunAsync(params string[] args) =>
        CliRun.AgainstAsync(Address, args is ["apply" or "diff" or "deploy", ..] && !args.Contains("--source") ? [.. args, "--source", TestSource] : args);

    /// <summary>The source a test's configurations are applied as when it names none.</summary>
    public const string TestSource = "test";

    /// <summary>The engine's name of a container, network or volume sky names <paramref name="plain"/>.</summary>
    public string Name(string plain) => $"{Namespace}-{plain}";

    /// <summary>Removes every container, network and volume of the namespace, and the data folder.</summary>
    protected async Task CleanUpAsync()
    {
        await DockerWitness.CleanNamespaceAsync(Namespace);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
