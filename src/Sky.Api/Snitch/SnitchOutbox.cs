using System.Globalization;
using Sky.Api.Contracts;
using Sky.Model;

namespace Sky.Api.Snitch;

/// <summary>
/// How snitch inside a one-off container reaches the daemon without a network path to it: the daemon mounts the
/// snitch script at <see cref="ContainerScript"/> and a folder of the container's own at <see cref="ContainerFolder"/>;
/// the script drops a notice there (<c>*.msg</c>: headers, a blank line, the last lines of output) and the daemon
/// answers next to it (<c>*.msg.result</c>: <c>sent: ...</c> or <c>refused: ...</c>).
/// </summary>
public sealed class SnitchOutbox
{
    public const string ContainerScript = "/usr/local/bin/snitch";

    public const string ContainerFolder = "/run/sky/outbox";

    private readonly Lock gate = new();
    private readonly string root;
    private readonly string script;
    private bool scriptWritten;

    public SnitchOutbox(DaemonOptions options)
    {
        root = Path.Combine(options.DataDirectory, "outbox");
        script = Path.Combine(options.DataDirectory, "snitch.sh");
    }

    /// <summary>Makes the container's folder (and the script, once) and returns the mounts that bring both in.</summary>
    public IReadOnlyList<VolumeMount> Prepare(string containerName)
    {
        lock (gate)
        {
            if (!scriptWritten)
            {
                using var resource = typeof(SnitchOutbox).Assembly.GetManifestResourceStream("snitch.sh")
                    ?? throw new InvalidOperationException("the snitch script is missing from the build");
                using (var file = File.Create(script))
                {
                    resource.CopyTo(file);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                }

                scriptWritten = true;
            }
        }

        var folder = Path.Combine(root, containerName);
        Directory.CreateDirectory(folder);
        return [new VolumeMount(script, ContainerScript, IsHostPath: true, ReadOnly: true), new VolumeMount(folder, ContainerFolder, IsHostPath: true, ReadOnly: false)];
    }

    /// <summary>Forgets the folder of a container that is gone.</summary>
    public void Remove(string containerName)
    {
        var folder = Path.Combine(root, containerName);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Notices waiting for the daemon, oldest first.</summary>
    public IReadOnlyList<string> Pending() =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*.msg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Reads a notice as the script writes it into the request <c>sky snitch</c> on a host would send.</summary>
    public static (NotifyRequest? Request, string? Problem) Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[lines[index][..colon]] = lines[index][(colon + 1)..].Trim();
            }
        }

        var tail = lines.Skip(index + 1).Where(l => l.Length > 0).TakeLast(SnitchNotice.TailLines).ToList();
        if (!headers.TryGetValue("command", out var command) || command.Length == 0)
        {
            return (null, "the notice names no command");
        }

        if (!int.TryParse(headers.GetValueOrDefault("exit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exitCode))
        {
            return (null, "the notice has no exit code");
        }

        var seconds = double.TryParse(headers.GetValueOrDefault("seconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var started = DateTimeOffset.TryParse(headers.GetValueOrDefault("started"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.UtcNow;
        var email = headers.GetValueOrDefault("email") is { Length: > 0 } e ? e : null;
        var webhook = headers.GetValueOrDefault("webhook") is { Length: > 0 } w ? w : null;
        var host = headers.GetValueOrDefault("host") is { Length: > 0 } h ? h : "a sky container";
        return (SnitchNotice.Compose(command, exitCode, started, TimeSpan.FromSeconds(seconds), tail, host, email, webhook), null);
    }
}
