namespace Sky.Supervisor;

/// <summary>An operation refused with a message meant for the person who asked; nothing was changed unless it says so.</summary>
public sealed class OperationException : Exception
{
    public OperationException()
    {
    }

    public OperationException(string message)
        : base(message)
    {
    }

    public OperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OperationException(OperationErrorKind kind, string message, IReadOnlyList<string>? details = null)
        : base(message)
    {
        Kind = kind;
        Details = details ?? [];
    }

    public OperationErrorKind Kind { get; } = OperationErrorKind.Failed;

    /// <summary>Further lines, such as every configuration error.</summary>
    public IReadOnlyList<string> Details { get; } = [];
}
