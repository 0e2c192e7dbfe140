using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sky.Metrics.Polling;
using Sky.Metrics.Tests.Polling.Prometheus;

namespace Sky.Metrics.Tests.Polling;

/// <summary>
/// An application's metrics endpoints on a free loopback port (Kestrel), one path per way an answer can go: good
/// expvar and Prometheus answers, an error status, a redirect, an answer that never comes or stops halfway, bad JSON,
/// bad exposition text, and bodies past the poller's limit with and without a length.
/// </summary>
public sealed class MetricEndpoint : IAsyncLifetime
{
    public const string Vars = """
        {
        "cmdline": ["/app/server"],
        "memstats": {"Alloc": 1048576, "PauseNs": [1200, 800], "EnableGC": true, "BySize": [{"Size": 8}]},
        "requests": {"ok": 1027, "failed": {"timeout": 2, "refused": 1}}
        }
        """;

    private WebApplication? app;

    public int Port { get; private set; }

    public Uri UrlOf(string path) => new($"http://127.0.0.1:{Port}{path}");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/debug/vars", () => Results.Text(Vars, "application/json"));
        app.MapGet("/metrics", (HttpRequest request) =>
            request.Headers.Accept.ToString().Contains("version=0.0.4", StringComparison.Ordinal)
                ? Results.Text(GoClientExposition.Text, "text/plain; version=0.0.4; charset=utf-8")
                : Results.StatusCode(StatusCodes.Status406NotAcceptable));
        app.MapGet("/metrics-gzip", WriteGzippedAsync);
        app.MapGet("/error", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        app.MapGet("/moved", () => Results.Redirect("/debug/vars/", permanent: true));
        app.MapGet("/never", NeverAnswerAsync);
        app.MapGet("/stops-halfway", StopHalfwayAsync);
        app.MapGet("/bad-json", () => Results.Text("""{"a": x}""", "application/json"));
        app.MapGet("/bad-metrics", () => Results.Text("ok 1\nbroken{ 1\n", "text/plain"));
        app.MapGet("/huge", () => Results.Text(HugeJson(), "application/json"));
        app.MapGet("/huge-chunked", WriteHugeChunkedAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Port = new Uri(address).Port;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    // Answers that never come end when the server stops, so that stopping does not wait for them.
    private CancellationToken Stopping => app?.Lifetime.ApplicationStopping ?? CancellationToken.None;

    private async Task NeverAnswerAsync(HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping);
        await WaitForeverAsync(either.Token);
    }

    // Headers and the start of the body go out, then nothing: the timeout must cover reading the body too.
    private async Task StopHalfwayAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"started": 1, """, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping);
        await WaitForeverAsync(either.Token);
    }

    private static async Task WaitForeverAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task WriteGzippedAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain; version=0.0.4";
        context.Response.Headers.ContentEncoding = "gzip";
        await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
        await gzip.WriteAsync(Encoding.UTF8.GetBytes(GoClientExposition.Text), context.RequestAborted);
    }

    // No Content-Length: the poller only finds out it is too long while reading.
    private static async Task WriteHugeChunkedAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(HugeJson()), context.RequestAborted);
    }

    // A valid JSON object one byte over the limit, so that only its size can fail it.
    private static string HugeJson()
    {
        const string Start = "{\"padding\": \"";
        const string End = "\"}";
        return Start + new string('x', MetricPoller.MaxBodyBytes + 1 - Start.Length - End.Length) + End;
    }
}
