using System.Security.Cryptography;

namespace Sky.Api.Access;

/// <summary>
/// The data folder's API token, in the file <c>token</c>: made at the daemon's first start (readable by its owner
/// only) and kept, so <c>sky token</c> prints the same one and the CLI on the daemon's machine finds it by itself.
/// A daemon that listens beyond loopback asks for it on every request to the page and the API.
/// </summary>
public static class ApiTokenFile
{
    public const string FileName = "token";

    /// <summary>The token of <paramref name="dataFolder"/>, made (and the folder with it) when it has none yet.</summary>
    /// <exception cref="InvalidDataException">The file is there but holds no token: it is never replaced silently.</exception>
    public static string LoadOrCreate(string dataFolder)
    {
        var folder = Path.GetFullPath(dataFolder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);

            // Written aside with owner-only permissions, then moved into place without overwriting: a daemon killed
            // mid-write leaves no torn file, and of two daemons starting at once the second reads the first one's.
            var written = Path.Combine(folder, $"{FileName}.{Environment.ProcessId}.tmp");
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new StreamWriter(written, options))
            {
                stream.Write(NewToken() + "\n");
            }

            try
            {
                File.Move(written, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(written);
            }
        }

        return Read(folder) ?? throw new InvalidDataException(
            $"{path} holds no sky API token (at least 32 characters of letters, digits, '-' and '_'); delete it to have the daemon make a new one");
    }

    /// <summary>The token kept in <paramref name="dataFolder"/>; null when there is none (no daemon started there yet) or it cannot be read.</summary>
    public static string? Read(string dataFolder)
    {
        try
        {
            var token = File.ReadAllText(Path.Combine(dataFolder, FileName)).Trim();
            return IsValid(token) ? token : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsValid(string token) =>
        token.Length >= 32 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>256 random bits, URL-safe base64 without padding: safe in a header, a cookie and a shell.</summary>
    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
