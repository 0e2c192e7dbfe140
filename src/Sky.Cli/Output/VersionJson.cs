using Sky.Contracts;

namespace Sky.Cli.Output;

/// <summary><c>sky version -o json</c>: the CLI's version, and the daemon's answer or why there is none.</summary>
public sealed record VersionJson(string Client, VersionAnswer? Daemon, string? DaemonError);
