using System.Text;

namespace Sky.Runtime.Tests;

public class LogLineSplitterTests
{
    [Fact]
    public void A_frame_holding_several_lines_gives_each_line()
    {
        var splitter = new LogLineSplitter(timestamps: false, framed: true);
        var lines = new List<LogEntry>();

        splitter.Push(LogStream.Stdout, "one\ntwo\nthree\n"u8, lines);

        Assert.Equal(["one", "two", "three"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_partial_line_is_kept_until_its_end_arrives_and_streams_do_not_mix()
    {
        var splitter = new LogLineSplitter(timestamps: false, framed: true);
        var lines = new List<LogEntry>();

        splitter.Push(LogStream.Stdout, "hel"u8, lines);
        splitter.Push(LogStream.Stderr, "err"u8, lines);
        Assert.Empty(lines);
        splitter.Push(LogStream.Stdout, "lo\nnext"u8, lines);
        splitter.Push(LogStream.Stderr, "or\n"u8, lines);
        splitter.Flush(lines);

        Assert.Equal(
            [new LogEntry(LogStream.Stdout, "hello", null), new LogEntry(LogStream.Stderr, "error", null), new LogEntry(LogStream.Stdout, "next", null)],
            lines);
    }

    [Fact]
    public void A_character_split_across_frames_is_decoded_whole()
    {
        var splitter = new LogLineSplitter(timestamps: false, framed: false);
        var lines = new List<LogEntry>();
        var bytes = Encoding.UTF8.GetBytes("café\n");

        splitter.Push(LogStream.Stdout, bytes.AsSpan(0, 4), lines);
        splitter.Push(LogStream.Stdout, bytes.AsSpan(4), lines);

        Assert.Equal("café", Assert.Single(lines).Text);
    }

    [Fact]
    public void Timestamps_are_parsed_off_the_front_of_each_line()
    {
        var splitter = new LogLineSplitter(timestamps: true, framed: true);
        var lines = new List<LogEntry>();

        splitter.Push(LogStream.Stdout, "2024-05-01T12:00:00.000000001Z hello world\n2024-05-01T12:00:01.5Z \n"u8, lines);

        Assert.Equal("hello world", lines[0].Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), lines[0].Timestamp);
        Assert.Equal(string.Empty, lines[1].Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 1, 500, TimeSpan.Zero), lines[1].Timestamp);
    }

    [Fact]
    public void A_long_line_stored_in_stamped_pieces_is_joined_without_the_later_stamps()
    {
        var splitter = new LogLineSplitter(timestamps: true, framed: true);
        var lines = new List<LogEntry>();

        splitter.Push(LogStream.Stdout, "2024-05-01T12:00:00Z first half "u8, lines);
        splitter.Push(LogStream.Stdout, "2024-05-01T12:00:00.1Z second half\n"u8, lines);

        var line = Assert.Single(lines);
        Assert.Equal("first half second half", line.Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), line.Timestamp);
    }

    [Fact]
    public void Terminal_line_ends_lose_their_carriage_return()
    {
        var splitter = new LogLineSplitter(timestamps: false, framed: false);
        var lines = new List<LogEntry>();

        splitter.Push(LogStream.Stdout, "a\r\nb\r\n"u8, lines);

        Assert.Equal(["a", "b"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_line_without_a_stamp_keeps_its_text_and_has_no_time()
    {
        var splitter = new LogLineSplitter(timestamps: true, framed: true);
        var lines = new List<LogEntry>();

        splitter.Push(LogStream.Stdout, "not stamped\n"u8, lines);

        Assert.Equal(new LogEntry(LogStream.Stdout, "not stamped", null), Assert.Single(lines));
    }
}
