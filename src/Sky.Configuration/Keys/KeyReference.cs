using System.Globalization;
using System.Text;

namespace Sky.Configuration.Keys;

/// <summary>
/// Renders docs/configuration-keys.md from the key table, so the reference says what the code does; a test keeps
/// the file equal to it.
/// </summary>
internal static class KeyReference
{
    public const string Regenerate = "SKY_WRITE_DOCS=1 dotnet test tests/Sky.Configuration.Tests --filter KeyReferenceTests";

    public static string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Configuration keys

            <!-- Rendered from the key table, src/Sky.Configuration/Keys/ConfigurationKeys.cs: change the table, then
                 run `{Regenerate}`. -->

            The keys of an entry: a service, one of its instances, or a recurrent job (an entry with `every:`). An
            unknown key, or one where it is not allowed, is an error with its position (and a did-you-mean).
            *Instance* says what an instance's value does with its service's; *replaces* says whether a change to the
            key replaces the service's running containers (if not, sky applies it without a new container).

            | key | where | value | instance | replaces | what for |
            | --- | --- | --- | --- | --- | --- |

            """);
        foreach (var key in ConfigurationKeys.OfEntries)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Where(key.Places)} | {Cell(key)} | {Instance(key)} | {Replaces(key)} | {Escape(key.Summary)} |\n");
        }

        text.Append("""

            ## Checks

            Each item of `checks` has one of `http`, `port` or `command` (`http` with `port` probes that port); the
            other keys tune it. Checks are sky's own, so changing them replaces no container.

            | key | value | what for |
            | --- | --- | --- |

            """);
        foreach (var key in ConfigurationKeys.OfChecks)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Cell(key)} | {Escape(key.Summary)} |\n");
        }

        text.Append("""

            ## Router

            The keys of `router`, on a service or an instance. An instance's `router` is merged over its service's key
            by key (`breaker` within it too), so an instance changes only what it names. The router takes changes as
            they come: none replaces a container.

            | key | value | what for |
            | --- | --- | --- |

            """);
        foreach (var key in ConfigurationKeys.OfRouter)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Cell(key)} | {Escape(key.Summary)} |\n");
        }

        text.Append("""

            ### Breaker

            The keys of `breaker`, under `router`: when one replica is taken out of the pool, and for how long.

            | key | value | what for |
            | --- | --- | --- |

            """);
        foreach (var key in ConfigurationKeys.OfBreaker)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Cell(key)} | {Escape(key.Summary)} |\n");
        }

        text.Append("""

            ## Metrics

            The keys of `metrics`, on a service or an instance: endpoints sky polls for the application's own metrics
            (`sky metrics` shows them beside the resources and requests it measures anyway). An instance's `metrics` is
            merged over its service's key by key (a list, `ignore` or `rename`, is replaced whole). An error names a
            path without its `/`, a regular expression .NET cannot read, and an endpoint on a service without `ports`.
            Polling is sky's own: no change replaces a container.

            | key | value | what for |
            | --- | --- | --- |

            """);
        foreach (var key in ConfigurationKeys.OfMetrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Cell(key)} | {Escape(key.Summary)} |\n");
        }

        text.Append("""

            ## Alert rules

            Each item of `alerts` has `metric` and exactly one of `above`, `below` (with `for`) or `change` (with
            `over`). An instance's `alerts` replaces its service's whole. A metric that is not one sky measures, not a
            StatsD name, and not on an instance that polls an endpoint is a warning with its position (and a
            did-you-mean): the configuration still applies. Alerting is sky's own: no change replaces a container.

            | key | value | what for |
            | --- | --- | --- |

            """);
        foreach (var key in ConfigurationKeys.OfAlertRules)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Cell(key)} | {Escape(key.Summary)} |\n");
        }

        text.Append("""

            ## Deploy

            The keys of `deploy`, on a service or an instance: how a change of an instance rolls out over its replicas.
            Its containers are replaced in batches of `parallel`; each batch's new containers must pass their checks
            within `health-timeout`, or the rollout fails (and, with `auto-rollback`, the instance returns to the
            previous revision's spec). An instance's `deploy` is merged over its service's key by key. It says how to
            roll out, not what runs: no change replaces a container.

            | key | value | what for |
            | --- | --- | --- |

            """);
        foreach (var key in ConfigurationKeys.OfDeploy)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Cell(key)} | {Escape(key.Summary)} |\n");
        }

        return text.ToString();
    }

    private static string Where(KeyPlaces places) =>
        string.Join(", ", new[] { KeyPlaces.Service, KeyPlaces.Instance, KeyPlaces.Job }
            .Where(p => places.HasFlag(p))
            .Select(p => p.ToString().ToLowerInvariant()));

    private static string Cell(ConfigurationKey key) => Escape($"{key.Value}, e.g. `{key.Example}`");

    /// <summary>A '|' would end the table cell.</summary>
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Instance(ConfigurationKey key) => !key.Places.HasFlag(KeyPlaces.Instance) ? "—" : key.Inheritance switch
    {
        Inheritance.Replace => "replaces",
        Inheritance.MergeByKey => "merged key by key",
        Inheritance.ImageAndVersion => "the more specific of `image` and `version` wins",
        Inheritance.ServiceValue => "checked, not used: the service's counts",
        _ => key.Inheritance.ToString(),
    };

    private static string Replaces(ConfigurationKey key) =>
        !key.Places.HasFlag(KeyPlaces.Service) || key.Container.Count == 0 ? "—" : key.ReplacesContainers ? "yes" : "no";
}
