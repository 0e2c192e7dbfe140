using System.Text;
using Sky.Runtime;

namespace Sky.Runtime.Tests;

public sealed class RawLogLineJoinerTests
{
    private const string Stamp = "2026-11-30T12:00:00.123456789Z ";
    private static readonly DateTimeOffset Time = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public void Pieces_of_a_long_line_the_engine_stored_apart_are_joined_and_keep_the_first_stamp()
    {
        var sink = new Lines();
        var joiner = new RawLogLineJoiner(sink, framed: true);

        joiner.Push(LogStream.Stdout, Bytes(Stamp + new string('a', 16384)));
        joiner.Push(LogStream.Stdout, Bytes("2026-11-30T12:00:01Z " + new string('b', 100) + "\n"));
        joiner.Push(LogStream.Stderr, Bytes(Stamp + "oops\n"));

        Assert.Equal([(LogStream.Stdout, Time, new string('a', 16384) + new string('b', 100), false), (LogStream.Stderr, Time, "oops", false)], sink.Taken);
    }

    [Fact]
    public void A_line_past_one_MiB_is_cut_there_and_marked_truncated()
    {
        var sink = new Lines();
        var joiner = new RawLogLineJoiner(sink, framed: true);

        for (var i = 0; i < 70; i++)
        {
            joiner.Push(LogStream.Stdout, Bytes(Stamp + new string('x', 16384)));
        }

        joiner.Push(LogStream.Stdout, Bytes(Stamp + "end\n"));
        joiner.Push(LogStream.Stdout, Bytes(Stamp + "next\n"));

        var (_, _, text, truncated) = sink.Taken[0];
        Assert.Equal((RawLogLineJoiner.MaxLineBytes, true), (text.Length, truncated));
        Assert.Equal(("next", false), (sink.Taken[1].Text, sink.Taken[1].Truncated));
    }

    [Fact]
    public void A_terminal_s_output_cut_anywhere_still_gives_whole_lines_without_their_carriage_return()
    {
        var sink = new Lines();
        var joiner = new RawLogLineJoiner(sink, framed: false);

        joiner.Push(LogStream.Stdout, Bytes(Stamp + "hel"));
        joiner.Push(LogStream.Stdout, Bytes("lo\r\n" + Stamp + "second"));
        joiner.Flush();

        Assert.Equal(["hello", "second"], sink.Taken.Select(t => t.Text));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private sealed class Lines : ILogLineSink
    {
        public List<(LogStream Stream, DateTimeOffset Time, string Text, bool Truncated)> Taken { get; } = [];

        public void Take(LogStream stream, DateTimeOffset time, ReadOnlySpan<byte> text, bool truncated) =>
            Taken.Add((stream, time, Encoding.UTF8.GetString(text), truncated));
    }
}
