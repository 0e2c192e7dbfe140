using System.Text;

namespace Sky.Runtime.Resources;

/// <summary>
/// Reads a small file the kernel makes up on each read (<c>/proc</c>, <c>/sys/fs/cgroup</c>) with one open, reads into a
/// buffer kept per thread, and one string: the sampler reads six per container every interval, and a stream and a
/// reader for each were most of its cost.
/// </summary>
internal static class KernelText
{
    [ThreadStatic]
    private static byte[]? buffer;

    public static string Read(string path)
    {
        var bytes = buffer ??= new byte[16 * 1024];
        using var handle = File.OpenHandle(path);
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
