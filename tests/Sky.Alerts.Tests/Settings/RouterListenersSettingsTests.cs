using Sky.Api.Settings;
using Sky.Cli;
using Sky.Router;

namespace Sky.Alerts.Tests.Settings;

/// <summary><c>router:</c> of the daemon's settings file, and <c>sky daemon --router-listen</c> over it.</summary>
public sealed class RouterListenersSettingsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-router-settings-").FullName;

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    private DaemonSettingsResult Parse(string content) => DaemonSettingsLoader.Parse("settings.yml", content, this.folder);

    [Fact]
    public void Without_router_the_router_serves_plain_http_on_loopback_8080()
    {
        var settings = Parse("listen: 127.0.0.1:7070\n").Settings!;

        Assert.Equal(new RouterListeners { Http = "127.0.0.1:8080", Tls = null }, settings.Router);
    }

    [Fact]
    public void Listen_sets_the_plain_http_address()
    {
        var settings = Parse("router:\n  listen: 0.0.0.0:80\n").Settings!;

        Assert.Equal("0.0.0.0:80", settings.Router.Http);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("none")]
    public void Off_or_none_turns_plain_http_off(string word)
    {
        var settings = Parse($"router:\n  listen: {word}\n").Settings!;

        Assert.Null(settings.Router.Http);
    }

    [Fact]
    public void Tls_reads_its_files_against_the_settings_file_s_folder()
    {
        File.WriteAllText(Path.Combine(this.folder, "cert.pem"), "certificate");
        File.WriteAllText(Path.Combine(this.folder, "key.pem"), "key");

        var settings = Parse("router:\n  tls:\n    listen: 127.0.0.1:9443\n    certificate: cert.pem\n    key: key.pem\n").Settings!;

        Assert.Equal(new RouterTls("127.0.0.1:9443", Path.Combine(this.folder, "cert.pem"), Path.Combine(this.folder, "key.pem")), settings.Router.Tls);
        Assert.Equal(RouterListeners.DefaultHttp, settings.Router.Http);
    }

    [Fact]
    public void Tls_without_listen_serves_https_on_loopback_8443()
    {
        File.WriteAllText(Path.Combine(this.folder, "cert.pem"), "certificate");
        File.WriteAllText(Path.Combine(this.folder, "key.pem"), "key");

        var settings = Parse("router:\n  listen: off\n  tls: { certificate: cert.pem, key: key.pem }\n").Settings!;

        Assert.Equal("127.0.0.1:8443", settings.Router.Tls!.Listen);
        Assert.Null(settings.Router.Http);
    }

    [Theory]
    [InlineData("router:\n  listen: 8080\n",
        "settings.yml:2:11: router.listen: '8080' is not HOST:PORT (such as 127.0.0.1:8080), or off")]
    [InlineData("router:\n  listn: 127.0.0.1:8080\n",
        "settings.yml:2:3: router.listn: unknown key 'listn' (did you mean 'listen'?)")]
    [InlineData("router: 127.0.0.1:8080\n",
        "settings.yml:1:9: router: expected a mapping with listen and tls, found '127.0.0.1:8080'")]
    [InlineData("router:\n  tls:\n    listen: localhost\n    certificate: /nowhere/cert.pem\n    key: /nowhere/key.pem\n",
        "settings.yml:3:13: router.tls.listen: 'localhost' is not HOST:PORT (such as 127.0.0.1:8443)")]
    [InlineData("router:\n  tls: { certificate: /nowhere/cert.pem, key: /nowhere/key.pem }\n",
        "settings.yml:2:23: router.tls.certificate: certificate file '/nowhere/cert.pem' does not exist (/nowhere/cert.pem)")]
    [InlineData("router:\n  tls: { certificat: cert.pem }\n",
        "settings.yml:2:10: router.tls.certificat: unknown key 'certificat' (did you mean 'certificate'?)")]
    public void A_mistake_in_router_is_reported_with_its_position_and_key_path(string content, string error)
    {
        var result = Parse(content);

        Assert.Null(result.Settings);
        Assert.Contains(error, result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Tls_without_its_key_file_says_what_is_missing()
    {
        File.WriteAllText(Path.Combine(this.folder, "cert.pem"), "certificate");

        var result = Parse("router:\n  tls: { certificate: cert.pem }\n");

        Assert.Equal(["settings.yml:2:8: router.tls: missing key 'key' (HTTPS needs a PEM certificate and its key)"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Plain_http_and_https_cannot_share_an_address()
    {
        File.WriteAllText(Path.Combine(this.folder, "cert.pem"), "certificate");
        File.WriteAllText(Path.Combine(this.folder, "key.pem"), "key");

        var result = Parse("router:\n  listen: 127.0.0.1:8443\n  tls: { certificate: cert.pem, key: key.pem }\n");

        Assert.Equal(
            ["settings.yml:2:11: router.listen: '127.0.0.1:8443' is also tls.listen (plain HTTP and HTTPS need addresses of their own)"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task The_daemon_refuses_a_router_listen_flag_that_is_no_address()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SkyCommandLine.RunAsync(["daemon", "--router-listen", "8080", "--data-dir", this.folder], output, error);

        Assert.Equal(ExitCodes.Invalid, exitCode);
        Assert.Contains("--router-listen '8080' is not HOST:PORT (such as 127.0.0.1:8080), or off", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(this.folder, "sky.db")));
    }
}
