namespace Sky.Cli.Output;

/// <summary><c>sky validate -o json</c>: whether the configuration is valid, with every error and warning as a line.</summary>
public sealed record ValidateJson(bool Ok, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
