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
        var sourceOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (YamlTreeReader.Read(file.Path, file.Content ?? "", errors) is not { } roots)
            {
                continue;
            }

            var reader = new EntryReader(file, errors);
            foreach (var entry in roots.SelectMany(reader.ReadDocument).Where(e => !file.Omitted.Contains(e.Name)))
            {
                if (byName.TryGetValue(entry.Name, out var first))
                {
                    var firstSource = sourceOf[entry.Name];
                    errors.Add(entry.File, entry.Key, entry.Name, firstSource != file.Source
                        ? $"entry '{entry.Name}' is defined by two sources: {firstSource} ({first.File}:{first.Key.Line}:{first.Key.Column}) and {file.Source}; keep it in one (sky service rm {entry.Name} takes it out of the other)"
                        : $"duplicate entry '{entry.Name}' (first at {first.File}:{first.Key.Line}:{first.Key.Column})");
                    continue;
                }

                byName.Add(entry.Name, entry);
                sourceOf.Add(entry.Name, file.Source);
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

    /// <summary>The names of the entries the files define (those not omitted), whatever else is wrong with them.</summary>
    public static IReadOnlyList<string> EntryNames(IReadOnlyList<ConfigurationFile> files)
    {
        var errors = new ErrorList();
        return files.SelectMany(file => YamlTreeReader.Read(file.Path, file.Content ?? "", errors) is { } roots
                ? roots.SelectMany(new EntryReader(file, errors).ReadDocument).Select(e => e.Name).Where(n => !file.Omitted.Contains(n))
                : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
