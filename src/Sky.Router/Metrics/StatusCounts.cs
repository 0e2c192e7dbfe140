namespace Sky.Router.Metrics;

/// <summary>Finished requests by the class of their answer.</summary>
public readonly record struct StatusCounts(
    long NoResponse,
    long Informational,
    long Successful,
    long Redirection,
    long ClientError,
    long ServerError)
{
    public long Total => NoResponse + Informational + Successful + Redirection + ClientError + ServerError;

    /// <summary>Requests that count as errors: 5xx and no response.</summary>
    public long Errors => ServerError + NoResponse;

    public static StatusCounts operator +(StatusCounts left, StatusCounts right) => new(
        left.NoResponse + right.NoResponse,
        left.Informational + right.Informational,
        left.Successful + right.Successful,
        left.Redirection + right.Redirection,
        left.ClientError + right.ClientError,
        left.ServerError + right.ServerError);

    public static StatusCounts Add(StatusCounts left, StatusCounts right) => left + right;
}
