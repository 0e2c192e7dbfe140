namespace Sky.Runtime;

/// <summary>
/// The engine could not be reached at all. The message says where sky looked and what to do,
/// because it is shown to people as it is.
/// </summary>
public class EngineUnavailableException : Exception
{
    public EngineUnavailableException()
    {
    }

    public EngineUnavailableException(string message)
        : base(message)
    {
    }

    public EngineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
