using System.Reflection;
using Sky.Runtime;

namespace Sky.Api.Tests.Errors;

/// <summary>
/// The real engine client with one planted bug: <c>PingAsync</c> throws an exception sky does not expect, as a bug in
/// sky would. Everything else goes to the engine as usual.
/// </summary>
public class EngineWithABug : DispatchProxy
{
    public const string Bug = "a planted bug in the engine client";

    public IContainerRuntime? Engine { get; set; }

    public static IContainerRuntime Around(IContainerRuntime engine)
    {
        var proxy = Create<IContainerRuntime, EngineWithABug>();
        ((EngineWithABug)(object)proxy).Engine = engine;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod!.Name == nameof(IContainerRuntime.PingAsync) ? throw new InvalidOperationException(Bug) : targetMethod.Invoke(Engine, args);
}
