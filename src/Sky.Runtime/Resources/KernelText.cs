using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Sky.Runtime.Resources;

/// <summary>
/// Reads a small file the kernel makes up on each read (<c>/proc</c>, <c>/sys/fs/cgroup</c>) into a buffer kept per
/// thread, parsed there: the sampler reads five per container every interval, and a stream and a reader for each
/// were most of its cost.
/// </summary>
internal static class KernelText
{
    [ThreadStatic]
    private static byte[]? buffer;

    public static string Read(string path) => Encoding.ASCII.GetString(ReadBytes(path));

    /// <inheritdoc cref="ReadBytes(SafeFileHandle)"/>
    public static ReadOnlySpan<byte> ReadBytes(string path)
    {
        using var handle = File.OpenHandle(path);
        return ReadBytes(handle);
    }

    /// <summary>
    /// Reads a file held open from its start: the kernel makes its text again on each read from offset 0, so the
    /// sampler opens a container's cgroup files once and saves the path lookup, the open and the close of each sample.
    /// The bytes are this thread's buffer: good until its next read here, parsed where they are, never kept.
    /// </summary>
    public static ReadOnlySpan<byte> ReadBytes(SafeFileHandle handle)
    {
        var bytes = buffer ??= new byte[16 * 1024];
        var length = 0;
        while (true)
        {
            if (length == bytes.Length)
            {
                Array.Resize(ref bytes, bytes.Length * 2);
                buffer = bytes;
            }

            var read = RandomAccess.Read(handle, bytes.AsSpan(length), length);
            if (read == 0)
            {
                return bytes.AsSpan(0, length);
            }

            length += read;
        }
    }
}
