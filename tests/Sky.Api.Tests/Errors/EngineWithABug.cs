using Sky.Runtime;
using Sky.Testing.Engine;

namespace Sky.Api.Tests.Errors;

/// <summary>
/// An engine with one planted bug: <c>PingAsync</c> throws an exception sky does not expect, as a bug in sky would.
/// (An in-memory engine: a proxy around the real client would need code emitted at run time, which the tests, like the
/// ahead-of-time compiled daemon, cannot do.)
/// </summary>
public static class EngineWithABug
{
    public const string Bug = "a planted bug in the engine client";

    public static IContainerRuntime Create() => new FakeContainerRuntime { Ping = Fail };

    private static Task<EngineInfo> Fail(CancellationToken cancellationToken) => throw new InvalidOperationException(Bug);
}
