namespace Sky.Metrics.StatsD;

/// <summary>
/// etsy statsd's key cleaning, in one pass: each run of white space becomes one <c>_</c>, <c>/</c> becomes <c>-</c>,
/// and any character but letters, digits and <c>_ - . ; =</c> is dropped (<c>;</c> and <c>=</c> stay for the tags it
/// appends as Graphite tags). A dropped character still ends a run of white space, as in etsy, where the runs are
/// replaced before the dropping.
/// </summary>
internal static class KeySanitizer
{
    /// <summary>Cleans <paramref name="key"/> in place and returns the cleaned length.</summary>
    public static int Sanitize(Span<char> key)
    {
        var written = 0;
        var inWhiteSpace = false;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (JsWhiteSpace.Is(c))
            {
                if (!inWhiteSpace)
                {
                    key[written++] = '_';
                }

                inWhiteSpace = true;
                continue;
            }

            inWhiteSpace = false;
            if (c == '/')
            {
                key[written++] = '-';
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ';' or '=')
            {
                key[written++] = c;
            }
        }

        return written;
    }
}
