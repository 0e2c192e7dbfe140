namespace Sky.Supervisor;

/// <summary>Why an operation was refused, so the API can answer with the right status code.</summary>
public enum OperationErrorKind
{
    /// <summary>The request itself is wrong (bad configuration, bad name).</summary>
    Invalid,

    /// <summary>It names something that does not exist.</summary>
    NotFound,

    /// <summary>The container engine cannot be reached.</summary>
    EngineUnavailable,

    /// <summary>The engine refused or a step failed.</summary>
    Failed,
}
