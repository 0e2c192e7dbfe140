using System.Formats.Tar;

namespace Sky.Runtime;

/// <summary>
/// A folder packed as the tar archive that <c>POST /build</c> expects. It is written to a temporary file (deleted
/// when the stream is closed) rather than memory, since a build context can be large.
/// </summary>
internal static class BuildContext
{
    public static async Task<Stream> PackAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The build folder '{folder}' does not exist.");
        }

        if (!File.Exists(Path.Combine(folder, "Dockerfile")))
        {
            throw new FileNotFoundException($"The build folder '{folder}' holds no Dockerfile.", Path.Combine(folder, "Dockerfile"));
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
            // Paths in the archive are relative to the folder: the Dockerfile sits at its root, as the engine wants.
            await TarFile.CreateFromDirectoryAsync(folder, archive, includeBaseDirectory: false, cancellationToken);
            archive.Position = 0;
            return archive;
        }
        catch
        {
            await archive.DisposeAsync();
            throw;
        }
    }
}
