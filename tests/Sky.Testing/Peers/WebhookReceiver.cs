using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Sky.Testing.Peers;

/// <summary>
/// A webhook endpoint on a free loopback port (HttpListener) that keeps every JSON body it accepts. It can answer 503
/// to the first requests, as a chat service that is briefly down would.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<JsonObject> received = new();
    private readonly Task serving;
    private int failuresLeft;
    private int requests;

    public WebhookReceiver(int failFirst = 0)
    {
        failuresLeft = failFirst;
        var port = FreePort.Next();
        Url = $"http://127.0.0.1:{port}/hook/secret-token";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        serving = ServeAsync();
    }

    public string Url { get; }

    /// <summary>Every request, refused ones included.</summary>
    public int Requests => Volatile.Read(ref requests);

    public IReadOnlyList<JsonObject> Received => received.ToList();

    public Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, string what) =>
        Eventually.GetAsync(() => received.FirstOrDefault(match), TimeSpan.FromSeconds(15), what);

    public void Dispose()
    {
        // Close alone: after Stop, the managed HttpListener's Close binds the port again to remove its prefixes, and
        // throws "address already in use" when another test has taken the port meanwhile.
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref failuresLeft) >= 0)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                received.Enqueue(JsonNode.Parse(body)!.AsObject());
                context.Response.StatusCode = 200;
            }

            context.Response.Close();
        }
    }
}
