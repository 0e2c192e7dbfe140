using Sky.Logs.Reading;
using Sky.Logs.Store;

namespace Sky.Logs.Tests.Store;

public sealed class LogStoreTests
{
    [Fact]
    public void Lines_survive_a_restart_and_a_torn_write_past_the_index_is_cut_off()
    {
        using var folder = new StoreFolder();
        var source = StoreFolder.Source("web-1");
        folder.Write(source, StoreFolder.Start, "a", "b");
        folder.Store.Dispose();

        // A kill -9 in the middle of a chunk: bytes written, no index row for them.
        var segment = Directory.GetFiles(Path.Combine(folder.Path, "logs", "segments")).Single();
        var length = new FileInfo(segment).Length;
        File.AppendAllText(segment, "half a chunk");
        folder.Reopen();

        Assert.Equal(length, new FileInfo(segment).Length);
        folder.Write(source, StoreFolder.Start.AddSeconds(5), "c");
        Assert.Equal(["a", "b", "c"], new LogReader(folder.Store).Read(new LogFilter { Container = "web-1" }, null, null).Select(r => r.Text));
    }

    [Fact]
    public void Reading_resumes_a_second_before_the_newest_line_skipping_the_lines_stored_since()
    {
        using var folder = new StoreFolder();
        var source = StoreFolder.Source("web-1");
        folder.Write(source, StoreFolder.Start, "a", "b", "c");

        var resume = folder.Store.ResumeAt(source.ContainerId)!;

        // Lines at :00, :01, :02: from :01 on, two are stored already.
        Assert.Equal((StoreFolder.Start.AddSeconds(1), 2L), (resume.Since, resume.Skip));
        Assert.Null(folder.Store.ResumeAt("never-seen"));
    }

    [Fact]
    public void Retention_by_age_drops_the_oldest_lines_when_the_clock_passes_it()
    {
        using var folder = new StoreFolder(new LogRetention { MaxAge = TimeSpan.FromDays(7), MaxBytes = 1L << 30 });
        var source = StoreFolder.Source("web-1");
        folder.Write(source, StoreFolder.Start, "old");
        folder.Store.Dispose();
        folder.Reopen();
        folder.Write(source, StoreFolder.Start.AddDays(3), "newer");

        folder.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, folder.Store.ApplyRetention());

        Assert.Equal(["newer"], new LogReader(folder.Store).Read(new LogFilter(), null, null).Select(r => r.Text));
    }

    [Fact]
    public void Retention_by_size_drops_the_oldest_segments_until_the_store_fits()
    {
        using var folder = new StoreFolder(new LogRetention { MaxAge = TimeSpan.FromDays(7), MaxBytes = 1024 * 1024 });
        var source = StoreFolder.Source("web-1");
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            // Incompressible lines, 64 KB a chunk: 2.5 MB in all, for a limit of 1 MB.
            var line = Convert.ToBase64String(Enumerable.Range(0, 48 * 1024).Select(_ => (byte)random.Next()).ToArray());
            folder.Write(source, StoreFolder.Start.AddSeconds(i), $"{i:D2} {line}");
        }

        folder.Store.ApplyRetention();

        Assert.InRange(folder.Store.SizeOnDisk(), 512 * 1024, 1024 * 1024);
        var kept = new LogReader(folder.Store).Read(new LogFilter(), null, null).Select(r => int.Parse(r.Text[..2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(39, kept[^1]);
        Assert.Equal(Enumerable.Range(kept[0], kept.Count), kept);
    }
}
