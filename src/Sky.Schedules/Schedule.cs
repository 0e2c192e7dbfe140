namespace Sky.Schedules;

/// <summary>When a recurrent job is due: parsed once from its <c>every:</c> text, asked for the next tick.</summary>
public abstract class Schedule
{
    /// <summary>The first tick strictly after <paramref name="instant"/>; null when there is none.</summary>
    public abstract DateTimeOffset? NextAfter(DateTimeOffset instant);

    /// <summary>The schedule in words, for listings.</summary>
    public abstract string Description { get; }
}
