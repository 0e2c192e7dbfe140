using System.Globalization;
using Sky.Contracts;
using Sky.Model;

namespace Sky.OneOffs.Snitch;

/// <summary>
/// How snitch inside a one-off container reaches the daemon without a network path to it: the daemon mounts the
/// snitch script at <see cref="ContainerScript"/> and a folder of the container's own at <see cref="ContainerFolder"/>;
/// the script drops a notice there (<c>*.msg</c>: headers, a blank line, the last lines of output) and the daemon
/// answers next to it (<c>*.msg.result</c>: <c>sent: ...</c> or <c>refused: ...</c>).
/// The outbox is writable from inside the container, so the daemon never reads or writes through what it finds
/// there: a notice is first moved into a folder of the daemon's own and read only if it is a small regular file (not
/// a link to a host file, a pipe or a device), and an answer is renamed into place, replacing whatever had its name.
/// </summary>
public sealed class SnitchOutbox
{
    public const string ContainerScript = "/usr/local/bin/snitch";

    public const string ContainerFolder = "/run/sky/outbox";

    /// <summary>A notice is a few headers and 20 lines of output: anything bigger is not one.</summary>
    public const int MaxNoticeBytes = 128 * 1024;

    private readonly Lock gate = new();
    private readonly string root;
    private readonly string taken;
    private readonly string script;
    private bool scriptWritten;
    private TaskCompletionSource prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="dataDirectory">The daemon's data folder, which holds the outboxes and the script.</param>
    public SnitchOutbox(string dataDirectory)
    {
        root = Path.Combine(dataDirectory, "outbox");
        taken = Path.Combine(dataDirectory, "outbox-taken");
        script = Path.Combine(dataDirectory, "snitch.sh");
    }

    /// <summary>Completes when a container's outbox is made after this call.</summary>
    public Task NextPrepared() => Volatile.Read(ref prepared).Task;

    /// <summary>Whether any container has an outbox (one-offs made by this daemon or one before it).</summary>
    public bool AnyOutbox() => Directory.Exists(root) && Directory.EnumerateDirectories(root).Any();

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
        Interlocked.Exchange(ref prepared, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
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
    /// <remarks>Only the top of each container's folder is looked at: what a container builds below it is never walked.</remarks>
    public IReadOnlyList<string> Pending() =>
        Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).SelectMany(folder => Directory.EnumerateFiles(folder, "*.msg", SearchOption.TopDirectoryOnly)).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// Takes a notice out of its outbox: moved (a rename moves a link itself, never what it points to) into the
    /// daemon's own folder, where nobody else can swap it, then read if it is a regular file of sensible size.
    /// Returns its text, or null with the reason it was refused.
    /// </summary>
    public async Task<(string? Text, string? Refused)> TakeAsync(string path)
    {
        Directory.CreateDirectory(taken);
        var privateCopy = Path.Combine(taken, Guid.NewGuid().ToString("N"));
        File.Move(path, privateCopy);
        try
        {
            var kind = await FileKindAsync(privateCopy);
            if (kind is not ("regular file" or "regular empty file"))
            {
                return (null, $"the notice is a {kind}, not a file");
            }

            return new FileInfo(privateCopy).Length > MaxNoticeBytes
                ? (null, $"the notice is larger than {MaxNoticeBytes} bytes")
                : (await File.ReadAllTextAsync(privateCopy), null);
        }
        finally
        {
            File.Delete(privateCopy);
        }
    }

    /// <summary>Puts the answer next to the notice, renamed into place: a link planted under its name is replaced, not followed.</summary>
    public async Task AnswerAsync(string path, string line)
    {
        Directory.CreateDirectory(taken);
        var draft = Path.Combine(taken, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(draft, line + "\n");
        File.Move(draft, path + ".result", overwrite: true);
    }

    /// <summary>What lstat says the entry is (<c>regular file</c>, <c>symbolic link</c>, <c>fifo</c>...), from coreutils' stat.</summary>
    private static async Task<string> FileKindAsync(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("stat") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--format=%F", "--", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var kind = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? kind : "file whose kind is unknown";
    }

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
