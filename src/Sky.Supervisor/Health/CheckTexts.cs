using System.Globalization;
using Sky.Model;

namespace Sky.Supervisor.Health;

/// <summary>What a check's outcome says: the check's name, then what it found.</summary>
internal static class CheckTexts
{
    /// <summary>From what share of its timeout on a check's text says how long the answer took.</summary>
    internal const double NotableShareOfTimeout = 0.1;

    /// <summary>
    /// The outcome's text after the check's name, and how long the answer took when that is worth saying: at least
    /// <see cref="NotableShareOfTimeout"/> of the check's timeout, on its way to timing out. A quick answer's text is the
    /// same from round to round (<c>http /health on port 8080: HTTP 200</c>), and so is the health stored with it: a time in
    /// milliseconds that moved by one made a new health snapshot, 30 times a second with 300 containers checked every
    /// 10 s, each of which lived until the next round and needed a full collection to go.
    /// </summary>
    public static CheckOutcome Timed(CheckSpec check, CheckOutcome outcome, TimeSpan took) =>
        outcome with
        {
            Text = Notable(check, took)
                ? $"{check}: {outcome.Text} ({((long)took.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)} ms)"
                : $"{check}: {outcome.Text}",
        };

    /// <summary>Whether an answer that took <paramref name="took"/> says so.</summary>
    public static bool Notable(CheckSpec check, TimeSpan took) => took >= check.Timeout * NotableShareOfTimeout;

    public static CheckOutcome Failed(CheckSpec check, Exception exception) => new(false, $"{check}: {exception.Message}");

    public static CheckOutcome NoAnswer(CheckSpec check) =>
        new(false, $"{check}: no answer within {check.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
}
