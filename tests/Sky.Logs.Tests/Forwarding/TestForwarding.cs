using Microsoft.Extensions.Logging.Abstractions;
using Sky.Logs.Forwarding;

namespace Sky.Logs.Tests.Forwarding;

/// <summary>Log forwarding as the daemon sets it up, from host <c>node-1</c>, on the real clock, started.</summary>
internal static class TestForwarding
{
    public const string HostName = "node-1";

    public static LogForwarding Start(IEnumerable<string> targets, int bufferLines = 10_000)
    {
        var parsed = targets.Select(text => ForwardTarget.TryParse(text, out var target, out var error) ? target : throw new ArgumentException(error)).ToList();
        var forwarding = new LogForwarding(parsed, HostName, bufferLines, TimeProvider.System, NullLogger<LogForwarding>.Instance);
        forwarding.Start();
        return forwarding;
    }

    public static LogForwarding Start(string target, int bufferLines = 10_000) => Start([target], bufferLines);

    public static void OfferAll(this LogForwarding forwarding, IEnumerable<LogRecord> records)
    {
        foreach (var record in records)
        {
            forwarding.Offer(record);
        }
    }
}
