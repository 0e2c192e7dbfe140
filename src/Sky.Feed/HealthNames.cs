namespace Sky.Feed;

/// <summary>The words of a container's health, as <c>sky service status</c> shows them.</summary>
public static class HealthNames
{
    public const string Starting = "starting";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    /// <summary>The restart policy gave up: sky leaves the container alone until someone starts or restarts it.</summary>
    public const string CrashLooping = "crash-looping";

    /// <summary>Its container cannot be created (its image is not on the engine): sky does not try again until someone acts.</summary>
    public const string CannotStart = "cannot-start";
}
