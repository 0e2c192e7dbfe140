using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sky.Testing.Peers;

/// <summary>
/// A Graphite (carbon) plaintext receiver on a free loopback port: it collects every <c>name value timestamp</c>
/// line, and groups the lines of each connection into a batch once the connection ends, so a test can wait for a
/// whole flush. Lines it cannot read go to <see cref="Problems"/>, which a test expects empty.
/// </summary>
public sealed class CarbonLineReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<CarbonLine> lines = new();
    private readonly ConcurrentQueue<IReadOnlyList<CarbonLine>> batches = new();
    private readonly ConcurrentQueue<string> problems = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Socket listener;
    private readonly Task serving;
    private int connections;

    private CarbonLineReceiver(Socket listener)
    {
        this.listener = listener;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        serving = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<CarbonLine> Lines => lines.ToList();

    /// <summary>The lines of each connection that has ended, in the order they ended.</summary>
    public IReadOnlyList<IReadOnlyList<CarbonLine>> Batches => batches.ToList();

    public IReadOnlyList<string> Problems => problems.ToList();

    public static CarbonLineReceiver Start()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return new CarbonLineReceiver(socket);
    }

    public Task<CarbonLine> WaitForLineAsync(Func<CarbonLine, bool> match, string what, TimeSpan? within = null) =>
        Eventually.GetAsync(() => lines.FirstOrDefault(match), within ?? TimeSpan.FromSeconds(15), what);

    /// <summary>The first whole batch (connection) that <paramref name="match"/> accepts.</summary>
    public Task<IReadOnlyList<CarbonLine>> WaitForBatchAsync(Func<IReadOnlyList<CarbonLine>, bool> match, string what, TimeSpan? within = null) =>
        Eventually.GetAsync(() => batches.FirstOrDefault(match), within ?? TimeSpan.FromSeconds(15), what);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Dispose();
        try
        {
            await serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var readers = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var connection = await listener.AcceptAsync(stop.Token);
                readers.Add(ReadAsync(connection, Interlocked.Increment(ref connections)));
            }
        }
        finally
        {
            await Task.WhenAll(readers);
        }
    }

    private async Task ReadAsync(Socket connection, int number)
    {
        var batch = new List<CarbonLine>();
        try
        {
            using var stream = new NetworkStream(connection, ownsSocket: true);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(stop.Token) is { } text)
            {
                try
                {
                    var line = CarbonLine.Parse(text, number);
                    batch.Add(line);
                    lines.Enqueue(line);
                }
                catch (FormatException e)
                {
                    problems.Enqueue(e.Message);
                }
            }

            batches.Enqueue(batch);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
        }
    }
}
