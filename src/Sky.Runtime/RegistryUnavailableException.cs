namespace Sky.Runtime;

/// <summary>
/// The image registry could not be asked (refused, timed out, or answered something other than yes or no). The message
/// names the registry and what went wrong, since it is shown to people as it is.
/// </summary>
public class RegistryUnavailableException : Exception
{
    public RegistryUnavailableException()
    {
    }

    public RegistryUnavailableException(string message)
        : base(message)
    {
    }

    public RegistryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
