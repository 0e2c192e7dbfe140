using Sky.Model;

namespace Sky.Api;

/// <summary>
/// The data folder's identity, in the file <c>identity</c>: made at the daemon's first start and read at every later
/// one, never changed, so every container the folder's daemon ever made stays its own across restarts and upgrades.
/// </summary>
public static class DaemonIdentityFile
{
    public const string FileName = "identity";

    /// <summary>The identity of <paramref name="dataFolder"/>, made (and the folder with it) when it has none yet.</summary>
    /// <exception cref="InvalidDataException">The file is there but holds no identity: it is never replaced silently.</exception>
    public static DaemonIdentity LoadOrCreate(string dataFolder)
    {
        var folder = Path.GetFullPath(dataFolder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);

            // Written aside, then moved into place without overwriting: a daemon killed mid-write leaves no torn file,
            // and of two daemons starting at once on one folder, the second reads the first one's identity.
            var written = Path.Combine(folder, $"{FileName}.{Environment.ProcessId}.tmp");
            File.WriteAllText(written, DaemonIdentity.NewId() + "\n");
            try
            {
                File.Move(written, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(written);
            }
        }

        var id = File.ReadAllText(path).Trim();
        if (!DaemonIdentity.IsValid(id))
        {
            // A new identity would make every container this folder's daemon made foreign to it: say so, change nothing.
            throw new InvalidDataException(
                $"{path} holds no sky daemon identity (1 to 32 lower-case letters and digits); put back the one it held, "
                + "or delete it to give the data folder a new identity (the containers the daemon made before then become foreign to it)");
        }

        return new DaemonIdentity(id, folder);
    }
}
