using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sky.Metrics.StatsD;

namespace Sky.Metrics.Tests.StatsD;

/// <summary>A collector on a fake clock: send packets as text, flush, read the flushed values by name.</summary>
internal sealed class StatsdHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly StatsdCollector collector;

    public StatsdHarness(StatsdSettings? settings = null)
    {
        Settings = settings ?? new StatsdSettings();
        collector = new StatsdCollector(Settings, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public StatsdSettings Settings { get; }

    public StatsdHarness Send(params string[] packets)
    {
        foreach (var packet in packets)
        {
            collector.Receive(Encoding.UTF8.GetBytes(packet), StatsdPacketText.Utf8);
        }

        return this;
    }

    public StatsdHarness SendBytes(byte[] packet, StatsdPacketText text)
    {
        collector.Receive(packet, text);
        return this;
    }

    /// <summary>Moves the clock on by one flush interval and flushes.</summary>
    public Flushed Flush()
    {
        Clock.Advance(Settings.FlushInterval);
        return new Flushed(collector.Flush(Clock.GetUtcNow()));
    }
}
