using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Sky.Router;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Routing;

/// <summary>What passes through the router as it came: headers it adds, a path prefix, big streamed bodies, upgrades, TLS.</summary>
public sealed class RouterProtocolTests
{
    private const string Config = """
        web:
          image: sky-router-backend:latest
          ports: [ 8080, 8081 ]
          env:
            VIRTUAL_HOST: web.localhost
          instances:
            main: {}
            api:
              env:
                VIRTUAL_HOST: web.localhost
                VIRTUAL_PATH: /cgi-bin/count
            upgrades:
              env:
                VIRTUAL_HOST: ws.localhost
                VIRTUAL_PORT: "8081"
        """;

    [Fact]
    public async Task Forwarded_headers_a_request_id_a_path_prefix_a_10_MB_upload_and_an_upgrade_pass_through()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await daemon.RunAsync("apply", ConfigFile.Write(Config));
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        await RouterWatch.ReadyAsync(daemon, "web.localhost/", 1);
        await RouterWatch.ReadyAsync(daemon, "web.localhost/cgi-bin/count", 1);
        await RouterWatch.ReadyAsync(daemon, "ws.localhost/", 1);

        using var headers = await client.SendAsync("web.localhost", "/cgi-bin/headers");
        var seen = await headers.Content.ReadAsStringAsync();
        var upload = new byte[10 * 1024 * 1024];
        Random.Shared.NextBytes(upload);
        using var counted = await client.SendAsync("web.localhost", "/cgi-bin/count", HttpMethod.Post, new StreamContent(new MemoryStream(upload)));
        var echoed = await UpgradeAndEchoAsync(daemon.RouterPort, "ws.localhost", "ping through the router\n");

        Assert.Contains("HTTP_X_FORWARDED_FOR=127.0.0.1", seen, StringComparison.Ordinal);
        Assert.Contains("HTTP_X_FORWARDED_PROTO=http", seen, StringComparison.Ordinal);
        Assert.Contains("HTTP_X_FORWARDED_HOST=web.localhost", seen, StringComparison.Ordinal);
        var requestId = Assert.Single(headers.Headers.GetValues("X-Request-Id"));
        Assert.Contains($"HTTP_X_REQUEST_ID={requestId}", seen, StringComparison.Ordinal);
        Assert.Equal("10485760", (await counted.Content.ReadAsStringAsync()).Trim());
        Assert.Equal("ping through the router\n", echoed);
    }

    [Fact]
    public async Task The_router_answers_over_TLS_with_the_certificate_files_it_is_given()
    {
        var folder = Directory.CreateTempSubdirectory("sky-tls-").FullName;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=web.localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("web.localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportRSAPrivateKeyPem());
        var tlsPort = FreePort.Next();
        await using var daemon = await TestDaemon.StartAsync(routerTls: new RouterTls($"127.0.0.1:{tlsPort}", Path.Combine(folder, "cert.pem"), Path.Combine(folder, "key.pem")));
        await daemon.RunAsync("apply", ConfigFile.Write(Config));
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        await RouterWatch.ReadyAsync(daemon, "web.localhost/", 1);

        string? presented = null;
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            // The test's own self-signed certificate is the only one trusted.
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                {
                    presented = cert?.Subject;
                    return cert?.GetCertHashString() == certificate.GetCertHashString();
                },
            },
        };
        using var tlsClient = new HttpClient(handler);
        using var message = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{tlsPort}/cgi-bin/headers");
        message.Headers.Host = "web.localhost";
        using var response = await tlsClient.SendAsync(message);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("CN=web.localhost", presented);
        Assert.Contains("HTTP_X_FORWARDED_PROTO=https", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Sends an upgrade request through the router on a raw connection, then a line, and reads the line echoed back.</summary>
    private static async Task<string> UpgradeAndEchoAsync(int port, string host, string line)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        stream.ReadTimeout = 10000;
        var upgrade = $"GET /chat HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(upgrade));
        var head = await ReadUntilAsync(stream, "\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 101", head, StringComparison.Ordinal);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(line));
        return await ReadUntilAsync(stream, "\n");
    }

    private static async Task<string> ReadUntilAsync(NetworkStream stream, string end)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.ToString().EndsWith(end, StringComparison.Ordinal) && await stream.ReadAsync(buffer, timeout.Token) == 1)
        {
            text.Append((char)buffer[0]);
        }

        return text.ToString();
    }
}
