using System.Runtime.InteropServices;

namespace Sky.Scheduler.Arming;

/// <summary>
/// The starting gun of an armed container: a named pipe its shell blocks on (<c>read &lt; go</c>) until the daemon writes
/// one line. The daemon holds the pipe open for reading and writing from the start (Linux never blocks such an open),
/// so the container's open never waits for the daemon and the release never waits for the container: a release into
/// a container that died meanwhile just fills the pipe's buffer.
/// </summary>
internal sealed partial class JobFifo : IDisposable
{
    private readonly FileStream pipe;

    private JobFifo(FileStream pipe) => this.pipe = pipe;

    public static JobFifo Create(string path)
    {
        if (mkfifo(path, Convert.ToUInt32("600", 8)) != 0)
        {
            throw new IOException($"cannot create the named pipe {path} (errno {Marshal.GetLastPInvokeError()})");
        }

        return new JobFifo(new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0));
    }

    /// <summary>Lets the command go: one line into the pipe.</summary>
    public void Release()
    {
        pipe.Write("go\n"u8);
        pipe.Flush();
    }

    /// <summary>Closing without a release ends the waiting shell with an end of file: the command never runs.</summary>
    public void Dispose() => pipe.Dispose();

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int mkfifo(string path, uint mode);
}
