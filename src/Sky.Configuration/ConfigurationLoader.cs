using Sky.Configuration.Reading;
using Sky.Configuration.Resolution;
using Sky.Configuration.Yaml;
using Sky.Model;

namespace Sky.Configuration;

/// <summary>
/// Reads, checks and resolves configuration files into a <see cref="DesiredState"/>. Bad input never throws:
/// every problem in every file is collected, and any problem at all means no state (nothing half-applied). Warnings
/// (an alert on a metric nothing measures) are collected beside errors and do not stop a configuration.
/// </summary>
public static class ConfigurationLoader
{
    public static ConfigurationResult Load(IReadOnlyList<ConfigurationFile> files, Naming naming)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(naming);
        var errors = new ErrorList();
        var warnings = new WarningList();
        var entries = new List<Entry>();
        var byName = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (YamlTreeReader.Read(file.Path, file.Content ?? "", errors) is not { } roots)
            {
                continue;
            }

            var reader = new EntryReader(file, errors);
            foreach (var entry in roots.SelectMany(reader.ReadDocument))
            {
                if (byName.TryGetValue(entry.Name, out var first))
                {
                    errors.Add(entry.File, entry.Key, entry.Name,
                        $"duplicate entry '{entry.Name}' (first at {first.File}:{first.Key.Line}:{first.Key.Column})");
                    continue;
                }

                byName.Add(entry.Name, entry);
                entries.Add(entry);
            }
        }

        new DependencyChecker(entries, byName, errors).Check();
        var services = new ServiceResolver(naming, byName, errors, warnings);
        var jobs = new JobResolver(naming, errors);
        var state = new DesiredState(
            entries.Where(e => !e.IsJob).Select(services.Resolve).ToList(),
            entries.Where(e => e.IsJob).Select(jobs.Resolve).ToList());

        var fileOrder = files.Select(f => f.Path).ToList();
        return errors.Count == 0
            ? new ConfigurationResult(state, [], warnings.Sorted(fileOrder))
            : new ConfigurationResult(null, errors.Sorted(fileOrder), warnings.Sorted(fileOrder));
    }
}
