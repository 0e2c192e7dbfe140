namespace Sky.Cli.Tests.Routing;

/// <summary>The routed service most router tests start: replicas of the router backend behind one host.</summary>
public static class RoutedServices
{
    /// <summary>A service <c>web</c> at <c>web.localhost</c>; <paramref name="extraEnv"/> adds <c>NAME: value</c> lines to its env.</summary>
    public static string Web(int replicas, params string[] extraEnv) => $"""
        web:
          image: sky-router-backend:latest
          ports: [ 8080 ]
          replicas: {replicas}
          env:
            VIRTUAL_HOST: web.localhost
        {string.Concat(extraEnv.Select(line => $"    {line}\n"))}
        """;

    /// <summary>Applies <paramref name="yaml"/>, starts <paramref name="service"/> and waits until <paramref name="site"/> has <paramref name="ready"/> ready containers.</summary>
    public static async Task StartAsync(TestDaemon daemon, string yaml, string service, string site, int ready)
    {
        var apply = await daemon.RunAsync("apply", ConfigFile.Write(yaml));
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var start = await daemon.RunAsync("service", "start", service);
        Assert.True(start.ExitCode == 0, start.ToString());
        await RouterWatch.ReadyAsync(daemon, site, ready);
    }
}
