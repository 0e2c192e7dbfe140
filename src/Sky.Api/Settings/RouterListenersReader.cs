using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;
using Sky.Router;

namespace Sky.Api.Settings;

/// <summary>
/// Reads <c>router:</c> of the settings file: where the router listens for plain HTTP (<c>listen</c>, or <c>off</c>)
/// and for HTTPS (<c>tls</c>, with PEM certificate and key files that must exist; relative paths are read against
/// the settings file's folder).
/// </summary>
internal sealed class RouterListenersReader(ValueReader values, string? baseDirectory)
{
    public const string DefaultTlsListen = "127.0.0.1:8443";

    /// <summary>The listeners, or null after reporting what is wrong.</summary>
    public RouterListeners? Read(Node node, string path)
    {
        var listeners = new RouterListeners();
        var ok = true;
        ScalarNode? listenNode = null;
        SettingsKeys.Read(values, node, path, "a mapping with listen and tls",
        [
            ("listen", (n, p) =>
            {
                listenNode = n as ScalarNode;
                var (http, read) = Http(n, p);
                listeners = listeners with { Http = http };
                ok &= read;
            }),
            ("tls", (n, p) =>
            {
                var tls = Tls(n, p);
                listeners = listeners with { Tls = tls };
                ok &= tls is not null;
            }),
        ]);

        if (ok && listeners.Tls is { } secure && secure.Listen == listeners.Http && listenNode is not null)
        {
            values.Report(listenNode, $"{path}.listen", $"'{secure.Listen}' is also tls.listen (plain HTTP and HTTPS need addresses of their own)");
            ok = false;
        }

        return ok ? listeners : null;
    }

    private (string? Http, bool Read) Http(Node node, string path)
    {
        if (values.Text(node, path, "HOST:PORT or off") is not { } text)
        {
            return (null, false);
        }

        if (ListenAddress.IsOff(text))
        {
            return (null, true);
        }

        if (ListenAddress.IsHostPort(text, anyPort: true))
        {
            return (text, true);
        }

        values.Report(node, path, $"'{text}' is not HOST:PORT (such as {RouterListeners.DefaultHttp}), or off");
        return (null, false);
    }

    private RouterTls? Tls(Node node, string path)
    {
        string? listen = DefaultTlsListen, certificate = null, key = null;
        var ok = true;
        if (SettingsKeys.Read(values, node, path, "a mapping with listen, certificate and key",
            [
                ("listen", (n, p) => ok &= (listen = TlsListen(n, p)) is not null),
                ("certificate", (n, p) => ok &= (certificate = ExistingFile(n, p, "certificate file")) is not null),
                ("key", (n, p) => ok &= (key = ExistingFile(n, p, "key file")) is not null),
            ]) is not { } map)
        {
            return null;
        }

        foreach (var required in new[] { "certificate", "key" })
        {
            if (map.Find(required) is null)
            {
                values.Report(map, path, $"missing key '{required}' (HTTPS needs a PEM certificate and its key)");
                ok = false;
            }
        }

        return ok ? new RouterTls(listen!, certificate!, key!) : null;
    }

    private string? TlsListen(Node node, string path)
    {
        if (values.Text(node, path, "HOST:PORT") is not { } text)
        {
            return null;
        }

        if (ListenAddress.IsHostPort(text, anyPort: true))
        {
            return text;
        }

        values.Report(node, path, $"'{text}' is not HOST:PORT (such as {DefaultTlsListen})");
        return null;
    }

    private string? ExistingFile(Node node, string path, string what)
    {
        if (values.Text(node, path, $"a {what}") is not { } text)
        {
            return null;
        }

        var full = Path.IsPathRooted(text) || baseDirectory is null ? text : Path.GetFullPath(Path.Combine(baseDirectory, text));
        if (File.Exists(full))
        {
            return full;
        }

        values.Report(node, path, $"{what} '{text}' does not exist ({Path.GetFullPath(full)})");
        return null;
    }
}
