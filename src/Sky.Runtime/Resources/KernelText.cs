using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Sky.Runtime.Resources;

/// <summary>
/// Reads a small file the kernel makes up on each read (<c>/proc</c>, <c>/sys/fs/cgroup</c>) into a buffer kept per
/// thread, and one string: the sampler reads five per container every interval, and a stream and a reader for each
/// were most of its cost.
/// </summary>
internal static class KernelText
{
    [ThreadStatic]
    private static byte[]? buffer;

    public static string Read(string path)
    {
        using var handle = File.OpenHandle(path);
        return Read(handle);
    }

    /// <summary>
    /// Reads a file held open from its start: the kernel makes its text again on each read from offset 0, so the
    /// sampler opens a container's cgroup files once and saves the path lookup, the open and the close of each sample.
    /// </summary>
    public static string Read(SafeFileHandle handle)
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
                return Encoding.ASCII.GetString(bytes, 0, length);
            }

            length += read;
        }
    }
}
