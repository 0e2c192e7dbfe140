using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sky.Api;
using Sky.Api.Settings;
using Sky.Metrics.StatsD;
using Sky.Router;
using Sky.Runtime;

namespace Sky.Cli.Commands;

/// <summary><c>sky daemon</c>: runs the server (API, store, supervisor) until stopped; containers keep running after it.</summary>
public static class DaemonCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var listen = new Option<string?>("--listen") { Description = "HOST:PORT to serve the API on (default: the settings file's, else 127.0.0.1:7070)" };
        var config = new Option<string?>("--config") { Description = "The daemon's settings file (default: SKY_CONFIG; see docs/daemon-settings.yml)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder (default: SKY_DATA_DIR, else ~/.local/share/sky)" };
        var ns = new Option<string?>("--namespace") { Description = "Manage only containers of this namespace, with names prefixed by it" };
        var routerListen = new Option<string?>("--router-listen")
        {
            Description = "HOST:PORT the router serves plain HTTP on, or off (default: the settings file's router.listen, else 127.0.0.1:8080)",
        };
        var statsdListen = new Option<string?>("--statsd-listen")
        {
            Description = "IP:PORT sky's StatsD server listens on (UDP and TCP), or off (default: the settings file's statsd.listen, else 127.0.0.1:8125)",
        };
        var registry = new Option<string?>("--registry")
        {
            Description = "HOST:PORT of the image registry to push to and pull from, the only place sky pulls from (default: the settings file's registry, else none)",
        };
        var watch = new Option<string[]>("--watch")
        {
            Description = "A folder of configuration to apply by itself when it changes (repeatable; adds to the settings file's watch)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("daemon", "Run the sky daemon") { listen, dataDir, ns, config, routerListen, statsdListen, registry, watch };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var loaded = DaemonSettingsLoader.LoadOrDefaults(parse.GetValue(config));
            var settings = loaded.Settings ?? throw new CliException(ExitCodes.Invalid, "the daemon settings have errors; the daemon does not start", loaded.Errors.Select(e => e.ToString()).ToList());
            if (parse.GetValue(registry) is { } registryFlag)
            {
                settings = settings with { Registry = RegistryAddress.Problem(registryFlag) is { } problem ? throw new CliException(ExitCodes.Invalid, $"--registry {problem}") : registryFlag };
            }

            if (parse.GetValue(watch) is { Length: > 0 } folders)
            {
                var missing = folders.FirstOrDefault(f => !Directory.Exists(f));
                settings = missing is not null
                    ? throw new CliException(ExitCodes.Invalid, $"--watch '{missing}' is no folder")
                    : settings with { Watch = [.. settings.Watch, .. folders.Select(Path.GetFullPath)] };
            }

            var options = new DaemonOptions
            {
                Listen = parse.GetValue(listen) ?? settings.Listen,
                DataDirectory = parse.GetValue(dataDir) ?? settings.DataDirectory ?? DaemonOptions.DefaultDataDirectory(),
                Namespace = parse.GetValue(ns) ?? settings.Namespace,
                Router = WithRouterListen(settings.Router, parse.GetValue(routerListen)),
                Statsd = WithStatsdListen(settings.Statsd, parse.GetValue(statsdListen)),
                StatsdForContainers = settings.StatsdForContainers,
                CompactsHeap = true,
            };
            if (options.Namespace is { } name && !System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$"))
            {
                throw new CliException(ExitCodes.Invalid, $"--namespace '{name}' is not a valid name (lower-case letters, digits and '-', at most 32)");
            }

            using var runtime = DockerRuntime.FromEnvironment();
            try
            {
                var engine = await runtime.PingAsync(cancellationToken);
                cli.Error.WriteLine($"sky daemon {SkyVersion.Current}: Docker {engine.EngineVersion} (API {engine.ApiVersion}) at {engine.Endpoint}");
            }
            catch (EngineUnavailableException unavailable)
            {
                // Keep serving: requests that need the engine answer with this same message until it comes back.
                cli.Error.WriteLine($"warning: {unavailable.Message}");
            }

            WebApplication app;
            try
            {
                app = SkyDaemon.Build(options, runtime, settings);
            }
            catch (InvalidDataException exception)
            {
                throw new CliException(ExitCodes.Failed, exception.Message);
            }

            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (RouterListenException exception)
            {
                throw new CliException(ExitCodes.Failed, exception.Message);
            }
            catch (InvalidOperationException exception) when (exception.Message.StartsWith("statsd", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException(ExitCodes.Failed, $"{exception.Message} (statsd.listen in the settings, or --statsd-listen: another address, or off)");
            }
            catch (IOException exception)
            {
                throw new CliException(ExitCodes.Failed, $"cannot listen on {options.Listen}: {exception.Message}");
            }

            var naming = app.Services.GetRequiredService<Sky.Model.Naming>();
            cli.Error.WriteLine($"sky daemon listening on http://{options.Listen} (data in {options.DataDirectory}, identity {naming.Identity?.Id}, namespace {naming.Namespace})");
            var router = app.Services.GetRequiredService<RouterAddresses>();
            cli.Error.WriteLine((router.Http ?? router.Https) is not null
                ? $"router on {string.Join(" and ", new[] { router.Http, router.Https }.Where(a => a is not null))}: each VIRTUAL_HOST by name"
                : "router off (router.listen: off)");
            foreach (var folder in settings.Watch)
            {
                cli.Error.WriteLine($"watching {folder}: a change is applied once the folder is quiet for a second (an invalid one applies nothing)");
            }

            if (settings.Registry is { } registryAddress)
            {
                cli.Error.WriteLine($"registry {registryAddress}: sky build --push pushes there, and an image the engine lacks is pulled from it");
            }

            await app.WaitForShutdownAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The settings file's router listeners, with <c>--router-listen</c> (checked as the file's key is) over its plain-HTTP one.</summary>
    private static RouterListeners WithRouterListen(RouterListeners configured, string? flag)
    {
        if (flag is null)
        {
            return configured;
        }

        if (ListenAddress.IsOff(flag))
        {
            return configured with { Http = null };
        }

        if (!ListenAddress.IsHostPort(flag, anyPort: true))
        {
            throw new CliException(ExitCodes.Invalid, $"--router-listen '{flag}' is not HOST:PORT (such as {RouterListeners.DefaultHttp}), or off");
        }

        return configured with { Http = flag };
    }

    /// <summary>The settings file's StatsD server, with <c>--statsd-listen</c> over its address (<c>off</c>: none).</summary>
    private static StatsdSettings? WithStatsdListen(StatsdSettings? configured, string? flag)
    {
        if (flag is null)
        {
            return configured;
        }

        if (ListenAddress.IsOff(flag))
        {
            return null;
        }

        if (!StatsdListen.TryParse(flag, out var endPoint))
        {
            throw new CliException(ExitCodes.Invalid, $"--statsd-listen '{flag}' is not an IP address and port (such as 127.0.0.1:8125), or off");
        }

        return (configured ?? new StatsdSettings()) with { Listen = endPoint };
    }
}
