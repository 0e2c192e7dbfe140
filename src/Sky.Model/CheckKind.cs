namespace Sky.Model;

/// <summary>The three kinds of lifecycle check a configuration can name.</summary>
public enum CheckKind
{
    /// <summary>An HTTP GET of a path that must answer 2xx or 3xx within the timeout.</summary>
    Http,

    /// <summary>A TCP connection to a container port.</summary>
    Port,

    /// <summary>A command run inside the container that must exit 0.</summary>
    Command,
}
