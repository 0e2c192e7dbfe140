namespace Sky.Contracts;

/// <summary>Finished requests by the class of their answer; <see cref="NoResponse"/>: the container never answered.</summary>
public sealed record StatusCountsView(
    long NoResponse,
    long Informational,
    long Successful,
    long Redirection,
    long ClientError,
    long ServerError);
