using System.Formats.Tar;

namespace Sky.Cli.Commands;

/// <summary>
/// A build folder packed as the tar archive the engine builds from, as <c>docker build</c> packs it, so the daemon
/// needs no access to the folder (it may run on another machine). It is written to a temporary file, deleted when the
/// stream is closed, rather than memory: a build context can be large. Paths in the archive are relative to the folder.
/// </summary>
public sealed class BuildContextArchive : IAsyncDisposable
{
    private BuildContextArchive(Stream content, string dockerfile)
    {
        Content = content;
        Dockerfile = dockerfile;
    }

    /// <summary>The archive, positioned at its start.</summary>
    public Stream Content { get; }

    /// <summary>The Dockerfile's path inside the archive (<c>/</c>-separated).</summary>
    public string Dockerfile { get; }

    /// <summary>
    /// Packs <paramref name="folder"/>. <paramref name="dockerfile"/> is read as <c>docker build -f</c> reads it (against
    /// the current folder) and must lie inside <paramref name="folder"/>; by default the folder's own <c>Dockerfile</c>.
    /// </summary>
    public static async Task<BuildContextArchive> PackAsync(string folder, string? dockerfile, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.Invalid, $"the build folder '{folder}' does not exist");
        }

        var root = Path.GetFullPath(folder);
        var file = Path.GetFullPath(dockerfile ?? Path.Combine(root, "Dockerfile"));
        if (!File.Exists(file))
        {
            throw new CliException(ExitCodes.Invalid, dockerfile is null
                ? $"the build folder '{folder}' holds no Dockerfile (name another with -f FILE)"
                : $"the Dockerfile '{dockerfile}' does not exist");
        }

        var inside = Path.GetRelativePath(root, file);
        if (inside.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inside))
        {
            throw new CliException(ExitCodes.Invalid, $"the Dockerfile '{dockerfile}' is outside the build folder '{folder}': the engine sees only what the folder holds");
        }

        var archive = new FileStream(
            Path.Combine(Path.GetTempPath(), "sky-build-" + Guid.NewGuid().ToString("N") + ".tar"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            bufferSize: 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await TarFile.CreateFromDirectoryAsync(root, archive, includeBaseDirectory: false, cancellationToken);
            archive.Position = 0;
            return new BuildContextArchive(archive, inside.Replace(Path.DirectorySeparatorChar, '/'));
        }
        catch
        {
            await archive.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
