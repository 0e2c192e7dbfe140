using System.Text;

namespace Sky.Runtime.Tests;

public class MultiplexedStreamReaderTests
{
    [Fact]
    public async Task Frames_are_read_with_their_stream_and_payload()
    {
        var bytes = Frame(1, "out\n").Concat(Frame(2, "err\n")).Concat(Frame(1, string.Empty)).ToArray();
        var reader = new MultiplexedStreamReader(new MemoryStream(bytes), raw: false);

        var frames = await ReadAllAsync(reader);

        Assert.Equal([(LogStream.Stdout, "out\n"), (LogStream.Stderr, "err\n"), (LogStream.Stdout, string.Empty)], frames);
    }

    [Fact]
    public async Task A_frame_arriving_a_byte_at_a_time_is_still_whole()
    {
        var bytes = Frame(2, "slowly").ToArray();
        var reader = new MultiplexedStreamReader(new TrickleStream(bytes), raw: false);

        Assert.Equal([(LogStream.Stderr, "slowly")], await ReadAllAsync(reader));
    }

    [Fact]
    public async Task A_frame_larger_than_the_buffer_is_read_whole()
    {
        var big = new string('x', 100_000);
        var reader = new MultiplexedStreamReader(new MemoryStream(Frame(1, big).ToArray()), raw: false);

        Assert.Equal([(LogStream.Stdout, big)], await ReadAllAsync(reader));
    }

    [Fact]
    public async Task Raw_terminal_output_is_passed_through_as_stdout()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream(Encoding.UTF8.GetBytes("a\r\nb\r\n")), raw: true);

        Assert.Equal([(LogStream.Stdout, "a\r\nb\r\n")], await ReadAllAsync(reader));
    }

    [Fact]
    public async Task A_frame_cut_short_by_the_end_of_the_stream_ends_the_output()
    {
        var bytes = Frame(1, "whole").Concat(Frame(1, "cut off").Take(10)).ToArray();
        var reader = new MultiplexedStreamReader(new MemoryStream(bytes), raw: false);

        Assert.Equal([(LogStream.Stdout, "whole")], await ReadAllAsync(reader));
    }

    internal static IEnumerable<byte> Frame(byte stream, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var length = payload.Length;
        return new byte[] { stream, 0, 0, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length }.Concat(payload);
    }

    private static async Task<List<(LogStream, string)>> ReadAllAsync(MultiplexedStreamReader reader)
    {
        var frames = new List<(LogStream, string)>();
        while (await reader.ReadFrameAsync(CancellationToken.None) is { } frame)
        {
            frames.Add((frame.Stream, Encoding.UTF8.GetString(frame.Payload.Span)));
        }

        return frames;
    }
}
