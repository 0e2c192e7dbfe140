using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sky.Model;

/// <summary>
/// A short, stable digest of the parts of a <see cref="ContainerSpec"/> that Docker fixes at creation.
/// Checks and restart policy are sky's own business and do not force a new container.
/// </summary>
public static class ContainerSpecHash
{
    public static string Compute(ContainerSpec spec)
    {
        var text = new StringBuilder();
        void Line(string key, string? value) => text.Append(key).Append('=').Append(value).Append('\n');

        Line("image", spec.Image);
        Line("command", spec.Command is null ? null : string.Join('\u001f', spec.Command));
        foreach (var (key, value) in spec.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Line("env:" + key, value);
        }

        Line("ports", string.Join(',', spec.Ports));
        Line("memory", spec.MemoryBytes?.ToString(CultureInfo.InvariantCulture));
        Line("cpus", spec.Cpus?.ToString("R", CultureInfo.InvariantCulture));
        foreach (var volume in spec.Volumes)
        {
            Line("volume", $"{volume.Source}:{volume.Target}:{volume.IsHostPath}:{volume.ReadOnly}");
        }

        Line("network", spec.Network);
        Line("aliases", string.Join(',', spec.NetworkAliases));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(digest)[..16];
    }
}
