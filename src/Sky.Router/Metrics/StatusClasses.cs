namespace Sky.Router.Metrics;

public static class StatusClasses
{
    /// <summary>The class of an HTTP status; 0 (or anything below 100) means the request got no response.</summary>
    public static StatusClass Of(int statusCode) => statusCode switch
    {
        < 100 => StatusClass.NoResponse,
        < 200 => StatusClass.Informational,
        < 300 => StatusClass.Successful,
        < 400 => StatusClass.Redirection,
        < 500 => StatusClass.ClientError,
        _ => StatusClass.ServerError,
    };

    /// <summary>Whether a request with this status counts as an error: a 5xx, or no response.</summary>
    public static bool IsError(StatusClass status) => status is StatusClass.ServerError or StatusClass.NoResponse;
}
