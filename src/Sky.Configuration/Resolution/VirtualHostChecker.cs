using System.Globalization;
using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;
using Sky.Model.Routing;

namespace Sky.Configuration.Resolution;

/// <summary>
/// Checks the variables that bind an instance to the router (<see cref="VirtualHostVariables"/>) in its environment
/// as merged over its service's, against the ports it ends up with: the router only reaches published ports. An
/// empty <c>VIRTUAL_HOST</c> is how an instance leaves its service's routes (env merges, it cannot remove a variable),
/// so it binds nothing and the other variables are not checked.
/// </summary>
internal sealed class VirtualHostChecker(ErrorList errors)
{
    public void Check(Entry service, InstanceEntry? instance, MergedConfig config)
    {
        var env = config.Get(ConfigurationKeys.Env);
        if (env is null || !env.TryGetValue(VirtualHostVariables.Host, out var hosts) || hosts.Trim().Length == 0)
        {
            return;
        }

        var ports = config.Get(ConfigurationKeys.Ports) ?? [];
        var host = Find(service, instance, VirtualHostVariables.Host);
        HostPattern.ParseList(hosts, out var problems);
        foreach (var problem in problems)
        {
            Report(service, host, problem);
        }

        if (ports.Count == 0)
        {
            Report(service, host, $"{VirtualHostVariables.Host} needs a port to send requests to: add ports: to {Owner(service, instance, ConfigurationKeys.Ports)}");
        }

        if (env.TryGetValue(VirtualHostVariables.Port, out var portText))
        {
            var port = Find(service, instance, VirtualHostVariables.Port);
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                Report(service, port, $"'{portText}' is not a port (use a number from 1 to 65535)");
            }
            else if (ports.Count > 0 && !ports.Contains(number))
            {
                Report(service, port,
                    $"{number} is not one of the ports of {Owner(service, instance, ConfigurationKeys.Ports)} ({string.Join(", ", ports)}); the router reaches only the ports listed in ports:");
            }
        }

        if (env.TryGetValue(VirtualHostVariables.Path, out var pathText) && !pathText.StartsWith('/'))
        {
            Report(service, Find(service, instance, VirtualHostVariables.Path), $"'{pathText}' is not a path prefix (start it with /, such as /api)");
        }
    }

    private void Report(Entry service, Located<string> where, string message) => errors.Add(service.File, where.Node, where.Path, message);

    /// <summary>
    /// Where the variable's value was written: in the instance's own <c>env</c> when it sets it, else in its service's.
    /// Errors point there, and an inherited value wrong for one instance alone names that instance.
    /// </summary>
    private static Located<string> Find(Entry service, InstanceEntry? instance, string variable)
    {
        foreach (var (config, path) in new[] { (instance?.Config, instance?.Path), (service.Config, service.Name) })
        {
            if (config?.Where(ConfigurationKeys.Env) is MapNode env && env.Find(variable) is { } entry)
            {
                return new Located<string>(variable, entry.Value, $"{path}.env.{variable}");
            }
        }

        // Not written at either level cannot happen for a variable the merged env has; say where the entry is.
        return new Located<string>(variable, instance?.Key ?? service.Key, instance?.Path ?? service.Name);
    }

    /// <summary>"instance 'dev'" when the instance sets <paramref name="key"/> itself, else "'shop'", the service.</summary>
    private static string Owner(Entry service, InstanceEntry? instance, ConfigurationKey key) =>
        instance is not null && instance.Config.Writes(key) ? $"instance '{instance.Name}'" : $"'{service.Name}'";
}
