using System.Security.Cryptography;

namespace Sky.Model;

/// <summary>
/// Which daemon made a container: the identity of a daemon's data folder (a short random id made at its first start
/// and kept in that folder for good) and where that folder was. Two daemons that share an engine and a namespace tell
/// their containers apart by it, so neither removes, replaces or adopts the other's.
/// </summary>
/// <param name="Id">The identity itself, as the <see cref="SkyLabels.Daemon"/> label carries it.</param>
/// <param name="DataFolder">The data folder it belongs to, when known.</param>
public sealed record DaemonIdentity(string Id, string? DataFolder = null)
{
    /// <summary>A new identity: 12 random hex digits, as short as a Docker id people read, with no likely collision.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>What an identity file may hold: a label value people read and type, a few lower-case letters and digits.</summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    /// <summary>The daemon that made the container carrying these labels; null for one made before identities existed.</summary>
    public static DaemonIdentity? Of(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(SkyLabels.Daemon, out var id)
            ? new DaemonIdentity(id, labels.GetValueOrDefault(SkyLabels.DaemonDataFolder))
            : null;

    /// <summary><c>identity 3f9a2c71b0de, data folder /home/ann/.local/share/sky</c>.</summary>
    public override string ToString() => $"identity {Id}, data folder {DataFolder ?? "unknown"}";
}
