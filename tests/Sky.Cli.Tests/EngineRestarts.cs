namespace Sky.Cli.Tests;

/// <summary>
/// The test classes that restart the engine: one at a time, since a restart stops every container, those of a test
/// still starting included.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EngineRestarts
{
    public const string Name = "engine restarts";
}
