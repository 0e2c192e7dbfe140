using System.Net.Sockets;

namespace Sky.Metrics.Polling;

/// <summary>The few words a log line says about a failed poll, from what went wrong.</summary>
internal static class PollFailureReason
{
    public static string TimedOut(TimeSpan timeout) => $"timed out after {ShortDuration.Of(timeout)}";

    public static string Of(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError when e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "refused",
        HttpRequestError.ConnectionError => $"could not connect: {(e.InnerException ?? e).Message}",
        HttpRequestError.NameResolutionError => "unknown host",
        HttpRequestError.ResponseEnded => "the connection closed before the answer was complete",
        HttpRequestError.InvalidResponse => "the answer is not HTTP",
        _ => e.Message,
    };

    public static string BrokenWhileReading => "the connection broke while the answer was read";

    public static string TooLarge(int limit) => $"the answer is over {limit / (1024 * 1024)} MB";
}
