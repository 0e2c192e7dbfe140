namespace Sky.Router.Metrics;

/// <summary>What kind of answer a request got: the first digit of its status, or none at all.</summary>
public enum StatusClass
{
    /// <summary>Status 0: the container never answered (connect failure, timeout, reset).</summary>
    NoResponse,
    Informational,
    Successful,
    Redirection,
    ClientError,

    /// <summary>5xx, and any status above 599 a container may invent.</summary>
    ServerError,
}
