using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Model;

namespace Sky.Configuration.Resolution;

/// <summary>Resolves a recurrent job entry (one with <c>every:</c>) into a <see cref="JobSpec"/>.</summary>
internal sealed class JobResolver(Naming naming, ErrorList errors)
{
    public JobSpec Resolve(Entry entry)
    {
        var config = entry.Config;
        var image = ImageResolver.Resolve(config, null);
        if (image is null && !config.Writes(ConfigurationKeys.Image))
        {
            errors.Add(entry.File, entry.Key, entry.Name, "no image (add image: NAME or image: NAME:TAG)");
        }

        return new JobSpec
        {
            Name = entry.Name,
            Maintainer = config.Get(ConfigurationKeys.Maintainer),
            Image = image ?? "",
            Command = config.Get(ConfigurationKeys.Command),
            Environment = config.Get(ConfigurationKeys.Env) ?? new Dictionary<string, string>(),
            MemoryBytes = config.Get(ConfigurationKeys.Memory),
            Cpus = config.Get(ConfigurationKeys.Cpus),
            Volumes = (config.Get(ConfigurationKeys.Volumes) ?? []).Select(v => v.IsHostPath ? v : v with { Source = naming.Volume(v.Source) }).ToList(),
            Every = config.Get(ConfigurationKeys.Every)?.Value ?? "",
            TimeZone = config.Get(ConfigurationKeys.TimeZone),
            NotifyOnCompletion = config.Get(ConfigurationKeys.NotifyOnCompletion) ?? false,
            Missed = config.Get(ConfigurationKeys.Missed) ?? MissedRunPolicy.Skip,
            Overlap = config.Get(ConfigurationKeys.Overlap) ?? OverlapPolicy.Skip,
            Timeout = config.Get(ConfigurationKeys.Timeout),
            Source = entry.Source,
        };
    }
}
