using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Sky.Logs.Store;

/// <summary>
/// The compressed chunks, appended to numbered segment files (<c>00000001.seg</c>...). A segment is closed at a size
/// and a new one begun; retention deletes whole segments, oldest first. Each chunk is written with one call before
/// its index row is committed, so after a <c>kill -9</c> the index never points past what was written; bytes past
/// the last indexed chunk (a torn write) are cut off on the next start.
/// </summary>
public sealed class SegmentFiles : IDisposable
{
    private readonly string folder;
    private readonly long segmentBytes;
    private readonly ConcurrentDictionary<long, SafeFileHandle> readers = new();
    private readonly Lock writing = new();
    private SafeFileHandle? current;
    private long currentLength;

    public SegmentFiles(string folder, long segmentBytes)
    {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        Directory.CreateDirectory(folder);
    }

    /// <summary>The segment being written; 0 before the first write.</summary>
    public long Current { get; private set; }

    /// <summary>Every segment on disk, oldest first.</summary>
    public IReadOnlyList<long> List() => Directory.EnumerateFiles(folder, "*.seg")
        .Select(f => long.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
        .Where(id => id > 0)
        .Order()
        .ToList();

    public long SizeOf(long segment)
    {
        var info = new FileInfo(PathOf(segment));
        return info.Exists ? info.Length : 0;
    }

    /// <summary>
    /// After a restart: each segment is cut to where its last indexed chunk ends, and segments the index does not know
    /// (written, never indexed) are deleted. Writing goes on in a fresh segment.
    /// </summary>
    public void Recover(IReadOnlyDictionary<long, long> indexedEnds)
    {
        foreach (var segment in List())
        {
            if (!indexedEnds.TryGetValue(segment, out var end) || end == 0)
            {
                File.Delete(PathOf(segment));
                continue;
            }

            using var handle = File.OpenHandle(PathOf(segment), FileMode.Open, FileAccess.ReadWrite);
            if (RandomAccess.GetLength(handle) > end)
            {
                RandomAccess.SetLength(handle, end);
            }
        }

        var remaining = List();
        Current = remaining.Count == 0 ? 0 : remaining[^1];
    }

    /// <summary>Appends one chunk; returns where it went.</summary>
    public (long Segment, long Offset) Append(ReadOnlySpan<byte> chunk)
    {
        lock (writing)
        {
            if (current is null || currentLength >= segmentBytes)
            {
                Begin();
            }

            var offset = currentLength;
            RandomAccess.Write(current!, chunk, offset);
            currentLength += chunk.Length;
            return (Current, offset);
        }
    }

    /// <summary>Closes the segment being written, so that retention may drop it too.</summary>
    public void Rotate()
    {
        lock (writing)
        {
            current?.Dispose();
            current = null;
        }
    }

    /// <summary>Reads a chunk; false when its segment is gone (retention dropped it meanwhile).</summary>
    public bool TryRead(long segment, long offset, Span<byte> target)
    {
        try
        {
            var handle = readers.GetOrAdd(segment, s => File.OpenHandle(PathOf(s), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            var filled = 0;
            while (filled < target.Length)
            {
                var read = RandomAccess.Read(handle, target[filled..], offset + filled);
                if (read == 0)
                {
                    return false;
                }

                filled += read;
            }

            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or ObjectDisposedException)
        {
            return false;
        }
    }

    public void Delete(long segment)
    {
        lock (writing)
        {
            if (segment == Current && current is not null)
            {
                current.Dispose();
                current = null;
            }
        }

        if (readers.TryRemove(segment, out var reader))
        {
            reader.Dispose();
        }

        File.Delete(PathOf(segment));
    }

    public void Dispose()
    {
        Rotate();
        foreach (var reader in readers.Values)
        {
            reader.Dispose();
        }

        readers.Clear();
    }

    private void Begin()
    {
        current?.Dispose();
        Current++;
        current = File.OpenHandle(PathOf(Current), FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        currentLength = 0;
    }

    private string PathOf(long segment) => Path.Combine(folder, segment.ToString("D8", CultureInfo.InvariantCulture) + ".seg");
}
