using System.Text.RegularExpressions;
using Sky.Alerts;
using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;

namespace Sky.Api.Settings;

/// <summary>Reads the keys of a settings file into <see cref="DaemonSettings"/>, reporting every problem it finds.</summary>
internal sealed partial class DaemonSettingsReader(ValueReader values, string? baseDirectory)
{
    private DaemonSettings settings = new();

    public DaemonSettings Read(Node root)
    {
        SettingsKeys.Read(values, root, "", "a mapping of settings (listen, smtp, webhooks, ...)",
        [
            ("listen", (node, path) => Set(Listen(node, path), v => settings with { Listen = v })),
            ("data-dir", (node, path) => Set(DataDir(node, path), v => settings with { DataDirectory = v })),
            ("namespace", (node, path) => Set(Namespace(node, path), v => settings with { Namespace = v })),
            ("smtp", ReadSmtp),
            ("webhooks", ReadWebhooks),
            ("escalation", ReadEscalation),
            ("one-off", ReadOneOff),
            ("jobs", ReadJobs),
            ("logs", ReadLogs),
            ("metrics", (node, path) => settings = settings with { Metrics = new MetricsSettingsReader(values).ReadMetrics(node, path, settings.Metrics) }),
            ("statsd", (node, path) =>
            {
                var (statsd, forContainers) = new MetricsSettingsReader(values).ReadStatsd(node, path, settings.Statsd, settings.StatsdForContainers);
                settings = settings with { Statsd = statsd, StatsdForContainers = forContainers };
            }),
            ("graphite", (node, path) => Set(new MetricsSettingsReader(values).ReadGraphite(node, path), v => settings with { Graphite = v })),
            ("router", (node, path) => Set(new RouterListenersReader(values, baseDirectory).Read(node, path), v => settings with { Router = v })),
            ("registry", (node, path) => Set(Registry(node, path), v => settings with { Registry = v })),
            ("watch", (node, path) => settings = settings with { Watch = Watch(node, path) }),
        ]);
        return settings;
    }

    private void ReadSmtp(Node node, string path)
    {
        string? host = null, sender = null, username = null, password = null;
        int? port = null;
        bool? tls = null;
        if (SettingsKeys.Read(values, node, path, "a mapping with host, port and sender",
            [
                ("host", (n, p) => host = values.Text(n, p, "a host name")),
                ("port", (n, p) => port = Port(n, p)),
                ("sender", (n, p) => sender = Email(n, p)),
                ("username", (n, p) => username = values.Text(n, p, "a user name")),
                ("password", (n, p) => password = values.Text(n, p, "a password")),
                ("tls", (n, p) => tls = values.Bool(n, p)),
            ]) is not { } map)
        {
            return;
        }

        var complete = true;
        foreach (var required in new[] { "host", "sender" })
        {
            if (map.Find(required) is null)
            {
                values.Report(map, path, $"missing key '{required}'");
                complete = false;
            }
        }

        if ((map.Find("username") is null) != (map.Find("password") is null))
        {
            values.Report(map, path, "give both username and password, or neither");
            complete = false;
        }

        if (complete && host is not null && sender is not null)
        {
            settings = settings with
            {
                Smtp = new SmtpSettings { Host = host, Port = port ?? SmtpSettings.DefaultPort, Sender = sender, Username = username, Password = password, Tls = tls ?? false },
            };
        }
    }

    private void ReadWebhooks(Node node, string path) =>
        SettingsKeys.Read(values, node, path, "a mapping with low and high URLs",
        [
            ("low", (n, p) => Set(Url(n, p), v => settings with { Webhooks = settings.Webhooks with { Low = v } })),
            ("high", (n, p) => Set(Url(n, p), v => settings with { Webhooks = settings.Webhooks with { High = v } })),
        ]);

    private void ReadEscalation(Node node, string path) =>
        SettingsKeys.Read(values, node, path, "a mapping with high-after and reminder-after",
        [
            ("high-after", (n, p) => Set(values.AtLeastOne(n, p, "failures"), v => settings with { Escalation = settings.Escalation with { HighAfter = v } })),
            ("reminder-after", (n, p) => Set(values.Duration(n, p), v => settings with { Escalation = settings.Escalation with { ReminderAfter = v } })),
        ]);

    private void ReadOneOff(Node node, string path) =>
        SettingsKeys.Read(values, node, path, "a mapping with image and remove-after",
        [
            ("image", (n, p) => Set(values.Text(n, p, "an image"), v => settings with { OneOff = settings.OneOff with { Image = v } })),
            ("remove-after", (n, p) => Set(values.Duration(n, p), v => settings with { OneOff = settings.OneOff with { RemoveAfter = v } })),
        ]);

    private void ReadJobs(Node node, string path) =>
        SettingsKeys.Read(values, node, path, "a mapping with arm-ahead",
        [
            ("arm-ahead", (n, p) => Set(values.Duration(n, p, allowZero: true), v => settings with { Jobs = settings.Jobs with { ArmAhead = v } })),
        ]);

    private void ReadLogs(Node node, string path) =>
        SettingsKeys.Read(values, node, path, "a mapping with retention, max-size and forward",
        [
            ("retention", (n, p) => Set(values.Duration(n, p), v => settings with { Logs = settings.Logs with { Retention = settings.Logs.Retention with { MaxAge = v } } })),
            ("max-size", (n, p) => Set(values.Size(n, p), v => settings with { Logs = settings.Logs with { Retention = settings.Logs.Retention with { MaxBytes = v } } })),
            ("forward", (n, p) => Set(LogForwardTargets.Read(values, n, p), v => settings with { Logs = settings.Logs with { Forward = v } })),
        ]);

    private void Set<T>(T? value, Func<T, DaemonSettings> apply)
        where T : class
    {
        if (value is not null)
        {
            settings = apply(value);
        }
    }

    private void Set<T>(T? value, Func<T, DaemonSettings> apply)
        where T : struct
    {
        if (value is { } v)
        {
            settings = apply(v);
        }
    }

    private int? Port(Node node, string path)
    {
        if (values.Scalar(node, path, "a number") is not { } scalar)
        {
            return null;
        }

        if (!scalar.Value.All(char.IsAsciiDigit))
        {
            values.Report(node, path, $"expected a number, found '{scalar.Value}'");
            return null;
        }

        return values.Port(node, path);
    }

    private string? Listen(Node node, string path)
    {
        if (values.Text(node, path, "HOST:PORT") is not { } text)
        {
            return null;
        }

        if (ListenAddress.IsHostPort(text))
        {
            return text;
        }

        values.Report(node, path, $"'{text}' is not HOST:PORT (such as {DaemonOptions.DefaultListen})");
        return null;
    }

    /// <summary>One folder, or a list of them; each as <c>data-dir</c> is read.</summary>
    private IReadOnlyList<string> Watch(Node node, string path)
    {
        if (node is not ListNode list)
        {
            return DataDir(node, path) is { } one ? [one] : [];
        }

        return [.. list.Items.Select((item, index) => DataDir(item, $"{path}[{index}]")).OfType<string>()];
    }

    /// <summary>A relative folder is read against the settings file's own folder, so the file works from anywhere.</summary>
    private string? DataDir(Node node, string path)
    {
        if (values.Text(node, path, "a folder") is not { } text)
        {
            return null;
        }

        if (text == "~" || text.StartsWith("~/", StringComparison.Ordinal))
        {
            text = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), text.TrimStart('~').TrimStart('/'));
        }

        return Path.IsPathRooted(text) || baseDirectory is null ? text : Path.GetFullPath(Path.Combine(baseDirectory, text));
    }

    private string? Registry(Node node, string path)
    {
        if (values.Text(node, path, "HOST:PORT") is not { } text)
        {
            return null;
        }

        if (RegistryAddress.Problem(text) is not { } problem)
        {
            return text;
        }

        values.Report(node, path, problem);
        return null;
    }

    private string? Namespace(Node node, string path)
    {
        if (values.Text(node, path, "a namespace") is not { } text)
        {
            return null;
        }

        if (NamespacePattern().IsMatch(text))
        {
            return text;
        }

        values.Report(node, path, $"'{text}' is not a valid namespace (lower-case letters, digits and '-', at most 32)");
        return null;
    }

    private string? Email(Node node, string path)
    {
        if (values.Text(node, path, "an e-mail address") is not { } text)
        {
            return null;
        }

        if (text.IndexOf('@', StringComparison.Ordinal) > 0 && !text.EndsWith('@') && !text.Any(char.IsWhiteSpace))
        {
            return text;
        }

        values.Report(node, path, $"'{text}' is not an e-mail address");
        return null;
    }

    private Uri? Url(Node node, string path)
    {
        if (values.Text(node, path, "a URL") is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        values.Report(node, path, $"'{text}' is not an http or https URL");
        return null;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespacePattern();
}
