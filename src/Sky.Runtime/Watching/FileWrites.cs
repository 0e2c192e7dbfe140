using System.Buffers.Binary;
using System.Runtime.InteropServices;
using static Sky.Runtime.Watching.InotifyInterop;

namespace Sky.Runtime.Watching;

/// <summary>
/// Tells who follows a file when it is written: one inotify instance for the whole process, one watch per file
/// (followers of the same file share it), one thread reading the events. .NET's <see cref="FileSystemWatcher"/> makes
/// an inotify instance and a thread for each watcher on this runtime: following 300 containers' logs took 128
/// instances (the user's whole allowance, leaving none to any other program) and 128 threads, and the rest fell back to
/// polling. Where inotify is not there (another system, a refused call) <see cref="Watch"/> returns null and the
/// caller polls.
/// </summary>
internal sealed class FileWrites
{
    private const int BufferBytes = 64 * 1024;

    private static readonly Lazy<FileWrites?> SharedInstance = new(Open);

    private readonly int descriptor;
    private readonly Lock gate = new();
    private readonly Dictionary<int, List<Action>> followers = [];

    private FileWrites(int descriptor)
    {
        this.descriptor = descriptor;
        var reader = new Thread(ReadEvents) { IsBackground = true, Name = "sky file writes" };
        reader.Start();
    }

    /// <summary>The process' instance; null where inotify cannot be used.</summary>
    public static FileWrites? Shared => SharedInstance.Value;

    /// <summary>
    /// Calls <paramref name="written"/> (on the reading thread: keep it short) each time the file is written, moved
    /// away or deleted, and for every follower when events were lost. Null when the file cannot be watched.
    /// </summary>
    public IDisposable? Watch(string path, Action written)
    {
        lock (gate)
        {
            var watch = AddWatch(descriptor, path, Modified | MovedSelf | DeletedSelf);
            if (watch < 0)
            {
                return null;
            }

            if (!followers.TryGetValue(watch, out var list))
            {
                list = [];
                followers[watch] = list;
            }

            list.Add(written);
            return new Following(this, watch, written);
        }
    }

    private static FileWrites? Open()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var descriptor = Init(CloseOnExec);
            return descriptor < 0 ? null : new FileWrites(descriptor);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private void Unwatch(int watch, Action written)
    {
        lock (gate)
        {
            if (!followers.TryGetValue(watch, out var list) || !list.Remove(written) || list.Count > 0)
            {
                return;
            }

            followers.Remove(watch);
            // Fails harmlessly when the kernel already dropped the watch (its file deleted).
            RemoveWatch(descriptor, watch);
        }
    }

    private void ReadEvents()
    {
        var buffer = new byte[BufferBytes];
        var woken = new List<Action>();
        while (true)
        {
            var read = Read(descriptor, buffer, buffer.Length);
            if (read <= 0)
            {
                if (read < 0 && Marshal.GetLastPInvokeError() == 4)
                {
                    // EINTR: a signal interrupted the wait.
                    continue;
                }

                WakeAll();
                return;
            }

            woken.Clear();
            lock (gate)
            {
                for (var offset = 0; offset + EventHeaderBytes <= read;)
                {
                    var watch = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(offset));
                    var mask = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 4));
                    var nameBytes = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 12));
                    offset += EventHeaderBytes + nameBytes;
                    if ((mask & Overflowed) != 0)
                    {
                        woken.AddRange(followers.Values.SelectMany(f => f));
                    }
                    else if (followers.TryGetValue(watch, out var list))
                    {
                        woken.AddRange(list);
                        if ((mask & Ignored) != 0)
                        {
                            // The kernel dropped the watch (its file deleted): a new watch may reuse its number.
                            followers.Remove(watch);
                        }
                    }
                }
            }

            foreach (var written in woken.Distinct())
            {
                written();
            }
        }
    }

    private void WakeAll()
    {
        List<Action> all;
        lock (gate)
        {
            all = [.. followers.Values.SelectMany(f => f)];
        }

        foreach (var written in all)
        {
            written();
        }
    }

    private sealed class Following(FileWrites writes, int watch, Action written) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                writes.Unwatch(watch, written);
            }
        }
    }
}
