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
        if (image is null && !config.WritesImage)
        {
            errors.Add(entry.File, entry.Key, entry.Name, "no image (add image: NAME or image: NAME:TAG)");
        }

        return new JobSpec
        {
            Name = entry.Name,
            Maintainer = config.Maintainer,
            Image = image ?? "",
            Command = config.Command,
            Environment = config.Env ?? new Dictionary<string, string>(),
            MemoryBytes = config.Memory,
            Cpus = config.Cpus,
            Volumes = (config.Volumes ?? []).Select(v => v.IsHostPath ? v : v with { Source = naming.Volume(v.Source) }).ToList(),
            Every = config.Every?.Value ?? "",
            TimeZone = config.TimeZone,
            NotifyOnCompletion = config.NotifyOnCompletion ?? false,
            Missed = config.Missed ?? MissedRunPolicy.Skip,
            Overlap = config.Overlap ?? OverlapPolicy.Skip,
            Timeout = config.Timeout,
            Source = entry.Source,
        };
    }
}
