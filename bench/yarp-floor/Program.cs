using System.Globalization;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

// yarp-floor PORT BACKEND-URL...: listens on 127.0.0.1:PORT and forwards every request to the backends in turn.
// The least a proxy built on YARP can do: Kestrel and YARP's forwarder (IHttpForwarder) with an HTTP client set up as
// the router sets up its own (no proxy, no cookies, no redirects, no decompression, pooled connections), and nothing
// else: no routing, no host matching, no YARP pipeline, no request id, no metrics, no breaker, no retries, no
// distributed-tracing headers. bench/router.sh runs it beside sky's router and nginx under the same load: what sky
// costs above it is sky's (and YARP's pipeline's), what it costs above nginx is the library's.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: yarp-floor PORT BACKEND-URL...");
    return 2;
}

var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var backends = args[1..];

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, port);
});
builder.Services.AddHttpForwarder();
var app = builder.Build();

using var client = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    UseCookies = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    ActivityHeadersPropagator = null,
    MaxConnectionsPerServer = int.MaxValue,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    ConnectTimeout = TimeSpan.FromSeconds(5),
});
var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
var request = new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
long turn = 0;
app.Run(async context =>
{
    var backend = backends[(int)((ulong)Interlocked.Increment(ref turn) % (ulong)backends.Length)];
    await forwarder.SendAsync(context, backend, client, request, HttpTransformer.Default);
});

await app.RunAsync();
return 0;
