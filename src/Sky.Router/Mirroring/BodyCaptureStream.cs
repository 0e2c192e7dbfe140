namespace Sky.Router.Mirroring;

/// <summary>
/// Wraps a request body as the forwarder reads it and keeps a copy of what passes, up to a cap: the mirror gets the
/// same body without the original waiting for a copy to be made first. Past the cap the copy is given up.
/// </summary>
public sealed class BodyCaptureStream(Stream inner, int cap) : Stream
{
    private MemoryStream? copy = new();

    /// <summary>The whole body when it fitted under the cap, else null.</summary>
    public ReadOnlyMemory<byte>? Captured => copy is { } c ? c.GetBuffer().AsMemory(0, (int)c.Length) : null;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Keep(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Keep(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Keep(ReadOnlySpan<byte> read)
    {
        if (copy is not null)
        {
            if (copy.Length + read.Length > cap)
            {
                copy = null;
            }
            else
            {
                copy.Write(read);
            }
        }

        return read.Length;
    }
}
