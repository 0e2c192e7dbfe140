namespace Sky.Runtime.Tests;

/// <summary>A stream that hands out one byte per read, as a slow connection may.</summary>
internal sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
{
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
}
