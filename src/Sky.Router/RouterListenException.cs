namespace Sky.Router;

/// <summary>The router cannot open one of its listeners (the port is taken, the certificate files cannot be read): the daemon does not start.</summary>
public sealed class RouterListenException(string message, Exception? inner = null) : Exception(message, inner)
{
    public RouterListenException()
        : this("the router cannot listen")
    {
    }

    public RouterListenException(string message)
        : this(message, null)
    {
    }
}
