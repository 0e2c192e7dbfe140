using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Router.Down;
using Sky.Router.Metrics;
using Sky.Router.Mirroring;
using Sky.Router.Proxy;
using Yarp.ReverseProxy.Configuration;

namespace Sky.Router;

/// <summary>
/// The router's own web server, beside the API's: Kestrel on the router's listeners running YARP with sky's steps.
/// It has its own pipeline (nothing of the API's middleware on the request path) and shares the daemon's router
/// state, metrics and mirror sender. A listener that cannot be opened stops the daemon with the address in the error.
/// </summary>
public sealed class RouterHost(RouterListeners listeners, RouterState state, RouterConfiguration configuration, RequestMetrics metrics, MirrorSender mirrors, RouterAddresses addresses, Notices.EjectionWatch ejections, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (listeners.Http is null && listeners.Tls is null)
        {
            return;
        }

        try
        {
            app = Build();
        }
        catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            throw new RouterListenException($"the router cannot start: {exception.Message}", exception);
        }

        ejections.Start();
        state.TableChanged += configuration.Apply;
        configuration.Apply(state.Table);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            throw new RouterListenException($"the router cannot listen on {Describe()}: {exception.Message}", exception);
        }

        foreach (var url in app.Urls)
        {
            if (url.StartsWith("https:", StringComparison.Ordinal))
            {
                addresses.Https = url;
            }
            else
            {
                addresses.Http = url;
            }
        }

        loggers.CreateLogger<RouterHost>().LogInformation("Router listening on {Addresses}", string.Join(", ", app.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        state.TableChanged -= configuration.Apply;
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private WebApplication Build()
    {
        // No file watching: by default the host watches its content root (the working folder, often the home folder that
        // holds the data folder) for appsettings.json changes, and every write of the store and the logs woke it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (listeners.Http is { } http)
            {
                kestrel.Listen(ListenEndPoint.TryParse(http) ?? throw new RouterListenException($"router listen address '{http}' is not IP:PORT (or localhost:PORT)"));
            }

            if (listeners.Tls is { } tls)
            {
                var certificate = X509Certificate2.CreateFromPemFile(tls.CertificateFile, tls.KeyFile);
                kestrel.Listen(
                    ListenEndPoint.TryParse(tls.Listen) ?? throw new RouterListenException($"router TLS listen address '{tls.Listen}' is not IP:PORT (or localhost:PORT)"),
                    listen => listen.UseHttps(certificate));
            }
        });

        var services = builder.Services;
        services.AddSingleton(state);
        services.AddSingleton(metrics);
        services.AddSingleton(mirrors);
        services.AddSingleton<DownPage>();
        services.AddSingleton<ForwardingStep>();
        services.AddSingleton<MatcherPolicy, SiteMatcherPolicy>();
        services.AddSingleton<IProxyConfigProvider>(configuration.Provider);
        services.AddReverseProxy().ConfigureHttpClient((_, handler) =>
        {
            // Containers are reached on loopback: keep connections warm and many, never through a proxy.
            handler.UseProxy = false;
            handler.MaxConnectionsPerServer = int.MaxValue;
            handler.PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1);
            handler.ConnectTimeout = TimeSpan.FromSeconds(5);
        });

        var web = builder.Build();
        var step = web.Services.GetRequiredService<ForwardingStep>();
        web.MapReverseProxy(pipeline => pipeline.Use(step.InvokeAsync));

        // An endpoint, not a terminal middleware: middleware would run before the routes' endpoints and answer everything.
        web.MapFallback(DownPage.WriteUnknownHostAsync);
        return web;
    }

    private string Describe() => string.Join(", ", new[] { listeners.Http, listeners.Tls?.Listen }.Where(a => a is not null));
}
