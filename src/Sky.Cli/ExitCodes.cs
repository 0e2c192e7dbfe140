namespace Sky.Cli;

/// <summary>sky's exit codes, documented in the README so scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The operation ran and something in it failed.</summary>
    public const int Failed = 1;

    /// <summary>The input is wrong: a configuration error, a bad name, a bad option.</summary>
    public const int Invalid = 2;

    /// <summary>The daemon or the Docker engine cannot be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>What was named does not exist.</summary>
    public const int NotFound = 4;

    /// <summary><c>sky deploy --wait</c>: the rollout failed its checks and was rolled back.</summary>
    public const int RolledBack = 5;
}
