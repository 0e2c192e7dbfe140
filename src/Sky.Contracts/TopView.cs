namespace Sky.Contracts;

/// <summary><c>GET /top</c>: every running container sky manages with its newest figures, busiest CPU first.</summary>
public sealed record TopView
{
    public required DateTimeOffset Time { get; init; }

    public required double SampleIntervalSeconds { get; init; }

    public required IReadOnlyList<TopRowView> Rows { get; init; }
}
