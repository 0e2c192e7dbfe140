using System.Buffers;

namespace Sky.Metrics.Polling;

/// <summary>
/// Reads an answer's body but never more than a limit: an endpoint is the application's, and one that streams without
/// end, or a gzip bomb, must cost the daemon a few megabytes at most.
/// </summary>
internal static class BoundedBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (after decompression).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(body.GetBuffer(), 0, (int)body.Length);
    }
}
