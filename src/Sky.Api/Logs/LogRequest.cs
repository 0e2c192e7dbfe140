using System.Globalization;
using Sky.Configuration.Values;
using Sky.Logs.Reading;
using Sky.Logs.Store;

namespace Sky.Api.Logs;

/// <summary>
/// The query of a log request: <c>since</c> and <c>until</c> (a duration ago such as <c>1h</c>, or a time such as
/// <c>2026-11-30T10:00:00Z</c>), <c>stream</c>, <c>grep</c>, <c>regex</c>, <c>tail</c> and <c>follow</c>. A wrong value
/// is an error that names the parameter and what it takes.
/// </summary>
public sealed record LogRequest(LogFilter Filter, LogMatch? Match, int? Tail, bool Follow)
{
    public static LogRequest? Parse(IQueryCollection query, LogFilter labels, DateTimeOffset now, out string? error)
    {
        error = null;
        var since = QueryTime.Parse(query, "since", now, ref error);
        var until = QueryTime.Parse(query, "until", now, ref error);
        var stream = query["stream"].ToString();
        if (stream.Length > 0 && stream is not ("stdout" or "stderr"))
        {
            error ??= $"stream '{stream}' is not stdout or stderr";
        }

        int? tail = null;
        if (query["tail"].ToString() is { Length: > 0 } tailText)
        {
            if (int.TryParse(tailText, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                tail = n;
            }
            else
            {
                error ??= $"tail '{tailText}' is not a number of lines";
            }
        }

        var follow = false;
        if (query["follow"].ToString() is { Length: > 0 } followText && !bool.TryParse(followText, out follow))
        {
            error ??= $"follow '{followText}' is not true or false";
        }

        var match = LogMatch.Create(query["grep"].ToString(), query["regex"].ToString(), out var regexError);
        error ??= regexError;
        if (error is not null)
        {
            return null;
        }

        var filter = labels with { Since = since, Until = until, Stream = stream.Length > 0 ? stream : null };
        return new LogRequest(filter, match, tail, follow);
    }
}
