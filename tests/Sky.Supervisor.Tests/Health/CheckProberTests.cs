using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Sky.Model;
using Sky.Supervisor.Health;
using Sky.Testing.Engine;

namespace Sky.Supervisor.Tests.Health;

/// <summary>HTTP checks against a real loopback server that answers as scripted (the engine's port proxy stands where it listens).</summary>
public sealed class CheckProberTests : IDisposable
{
    private static readonly ContainerSpec Web = SupervisionParts.Spec("web-production") with { Ports = [8080] };

    private readonly CheckProber prober = new(new FakeContainerRuntime());
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public CheckProberTests() => listener.Start();

    public void Dispose()
    {
        prober.Dispose();
        listener.Stop();
        listener.Dispose();
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true, "HTTP 200")]
    [InlineData("HTTP/1.0 204\r\n\r\n", true, "HTTP 204")]
    [InlineData("HTTP/1.1 302 Found\r\nLocation: http://elsewhere/\r\n\r\n", true, "HTTP 302")]
    [InlineData("HTTP/1.1 503 Service Unavailable\r\n\r\n", false, "HTTP 503")]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n", false, "the answer is not HTTP: SSH-2.0-OpenSSH_9.2")]
    public async Task The_status_line_of_the_answer_decides(string answer, bool ok, string text)
    {
        var server = ServeOnceAsync(answer, TimeSpan.Zero);

        var outcome = await ProbeAsync(Check("/health"));

        Assert.Equal(ok, outcome.Ok);
        Assert.Contains(text, outcome.Text, StringComparison.Ordinal);
        Assert.StartsWith("http /health on port 8080: ", outcome.Text, StringComparison.Ordinal);
        await server;
    }

    [Fact]
    public async Task The_request_is_a_GET_of_the_escaped_path_that_closes_its_connection()
    {
        var server = ServeOnceAsync("HTTP/1.1 200 OK\r\n\r\n", TimeSpan.Zero);

        await ProbeAsync(Check("/health check?deep=1"));

        var request = await server;
        Assert.StartsWith("GET /health%20check?deep=1 HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Contains($"\r\nHost: 127.0.0.1:{Port}\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_slower_than_the_probe_thread_waits_still_counts()
    {
        var slow = CheckProber.OnThreadFor * 6;
        var server = ServeOnceAsync("HTTP/1.1 200 OK\r\n\r\n", slow);

        var outcome = await ProbeAsync(Check("/health", timeout: TimeSpan.FromSeconds(10)));

        Assert.True(outcome.Ok, outcome.Text);
        await server;
    }

    [Fact]
    public async Task A_quick_answer_s_text_is_the_same_from_round_to_round()
    {
        var texts = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            var server = ServeOnceAsync("HTTP/1.1 200 OK\r\n\r\n", TimeSpan.Zero);
            texts.Add((await ProbeAsync(Check("/health", timeout: TimeSpan.FromSeconds(10)))).Text);
            await server;
        }

        Assert.Equal(["http /health on port 8080: HTTP 200", "http /health on port 8080: HTTP 200"], texts);
    }

    [Fact]
    public async Task An_answer_that_took_a_notable_share_of_the_timeout_says_how_long()
    {
        var timeout = TimeSpan.FromSeconds(1);
        var server = ServeOnceAsync("HTTP/1.1 200 OK\r\n\r\n", timeout * CheckProber.NotableShareOfTimeout * 3);

        var outcome = await ProbeAsync(Check("/health", timeout: timeout));

        Assert.True(outcome.Ok, outcome.Text);
        var took = Regex.Match(outcome.Text, @"^http /health on port 8080: HTTP 200 \((\d+) ms\)$");
        Assert.True(took.Success, outcome.Text);
        Assert.InRange(int.Parse(took.Groups[1].Value, CultureInfo.InvariantCulture), 300, 999);
        await server;
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_the_check_at_its_timeout()
    {
        var server = ServeOnceAsync(null, TimeSpan.Zero);

        var outcome = await ProbeAsync(Check("/health", timeout: TimeSpan.FromMilliseconds(300)));

        Assert.False(outcome.Ok);
        Assert.EndsWith("no answer within 0.3 s", outcome.Text, StringComparison.Ordinal);
        await server;
    }

    [Fact]
    public async Task A_connection_closed_without_an_answer_fails_the_check_saying_so()
    {
        var server = ServeOnceAsync(string.Empty, TimeSpan.Zero);

        var outcome = await ProbeAsync(Check("/health"));

        Assert.False(outcome.Ok);
        Assert.Contains("the connection closed without an answer", outcome.Text, StringComparison.Ordinal);
        await server;
    }

    [Fact]
    public async Task Nothing_listening_fails_the_check_with_the_refusal()
    {
        listener.Stop();

        var outcome = await ProbeAsync(Check("/health"));

        Assert.False(outcome.Ok);
        Assert.Contains("refused", outcome.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_probe_cancelled_while_it_waits_for_its_turn_never_connects()
    {
        using var stop = new CancellationTokenSource();
        var probe = prober.ProbeAsync(Check("/health"), Web, "c1", Published, TimeSpan.FromMinutes(1), stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe);
        Assert.False(listener.Pending());
    }

    [Theory]
    [InlineData("HTTP/1.1 200", 200)]
    [InlineData("HTTP/1.1 404 Not Found", 404)]
    public void A_complete_status_line_gives_its_code(string line, int status) =>
        Assert.Equal(status, HttpCheckCall.ParseStatus(Encoding.ASCII.GetBytes(line + "\r\n")));

    [Fact]
    public void A_status_line_not_yet_complete_gives_nothing_yet() =>
        Assert.Null(HttpCheckCall.ParseStatus("HTTP/1.1 20"u8));

    private int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private Dictionary<int, int> Published => new() { [8080] = Port };

    private static CheckSpec Check(string path, TimeSpan? timeout = null) =>
        new() { Kind = CheckKind.Http, Path = path, Port = 8080, Timeout = timeout ?? TimeSpan.FromSeconds(5) };

    private Task<CheckOutcome> ProbeAsync(CheckSpec check) => prober.ProbeAsync(check, Web, "c1", Published, TimeSpan.Zero, CancellationToken.None);

    /// <summary>Accepts one connection, reads the request's head, waits, answers (null: never, until the client leaves); returns the request.</summary>
    private async Task<string> ServeOnceAsync(string? answer, TimeSpan after)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = await listener.AcceptTcpClientAsync(bound.Token);
        var stream = client.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[1024];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, bound.Token);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await Task.Delay(after, bound.Token);
        if (answer is null)
        {
            // Silent until the client gives up and closes.
            while (await stream.ReadAsync(buffer, bound.Token) > 0)
            {
            }
        }
        else
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), bound.Token);
        }

        return request.ToString();
    }
}
