namespace Sky.Schedules;

/// <summary>
/// One parsed field of a cron expression: the values it allows, and whether it was written starting with '*'
/// (or '?'), which cron uses both for the day-of-month/day-of-week rule and to tell wildcard jobs apart.
/// </summary>
internal sealed class CronField
{
    private readonly ulong bits;

    public CronField(ulong bits, bool star)
    {
        this.bits = bits;
        Star = star;
    }

    public bool Star { get; }

    public bool Contains(int value) => (bits & (1UL << value)) != 0;

    /// <summary>The allowed values between <paramref name="min"/> and <paramref name="max"/>, ascending.</summary>
    public IEnumerable<int> Values(int min, int max)
    {
        for (var value = min; value <= max; value++)
        {
            if (Contains(value))
            {
                yield return value;
            }
        }
    }
}
