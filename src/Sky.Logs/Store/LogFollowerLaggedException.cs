namespace Sky.Logs.Store;

/// <summary>A follower read more slowly than lines came, and was cut off.</summary>
public sealed class LogFollowerLaggedException : Exception
{
    public LogFollowerLaggedException()
        : base("the reader fell too far behind the logs as they came")
    {
    }

    public LogFollowerLaggedException(string message)
        : base(message)
    {
    }

    public LogFollowerLaggedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
