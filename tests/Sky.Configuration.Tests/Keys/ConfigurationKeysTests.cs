using System.Reflection;
using System.Text.Json;
using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Model;

namespace Sky.Configuration.Tests.Keys;

/// <summary>The key table against what the configuration does: its examples, its hash claims, its inheritance.</summary>
public class ConfigurationKeysTests
{
    /// <summary>Every row, by the name of its field (<c>CheckTimeout</c>), which tells apart keys of the same name.</summary>
    public static TheoryData<string> Rows => [.. Fields.Select(f => f.Name)];

    private static IEnumerable<FieldInfo> Fields =>
        new[] { typeof(ConfigurationKeys), typeof(CheckKeys), typeof(RouterKeys), typeof(MetricsKeys), typeof(AlertRuleKeys), typeof(DeployKeys) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType.IsAssignableTo(typeof(ConfigurationKey)));

    [Fact]
    public void Every_row_of_the_table_is_in_All()
    {
        var rows = Fields.Select(f => (ConfigurationKey)f.GetValue(null)!).ToList();

        Assert.Equal(rows.Count, ConfigurationKeys.All.Count);
        Assert.All(rows, row => Assert.Contains(row, ConfigurationKeys.All));
    }

    [Fact]
    public void No_two_keys_of_one_kind_of_mapping_share_a_name()
    {
        Assert.Equal(ConfigurationKeys.OfEntries.Count, ConfigurationKeys.OfEntries.DistinctBy(k => k.Name).Count());
        Assert.Equal(ConfigurationKeys.OfChecks.Count, ConfigurationKeys.OfChecks.DistinctBy(k => k.Name).Count());
        Assert.Equal(ConfigurationKeys.OfRouter.Count, ConfigurationKeys.OfRouter.DistinctBy(k => k.Name).Count());
        Assert.Equal(ConfigurationKeys.OfBreaker.Count, ConfigurationKeys.OfBreaker.DistinctBy(k => k.Name).Count());
        Assert.Equal(ConfigurationKeys.OfMetrics.Count, ConfigurationKeys.OfMetrics.DistinctBy(k => k.Name).Count());
        Assert.Equal(ConfigurationKeys.OfAlertRules.Count, ConfigurationKeys.OfAlertRules.DistinctBy(k => k.Name).Count());
        Assert.Equal(ConfigurationKeys.OfDeploy.Count, ConfigurationKeys.OfDeploy.DistinctBy(k => k.Name).Count());
        Assert.Equal(
            ConfigurationKeys.All.Count,
            ConfigurationKeys.OfEntries.Count + ConfigurationKeys.OfChecks.Count + ConfigurationKeys.OfRouter.Count + ConfigurationKeys.OfBreaker.Count
            + ConfigurationKeys.OfMetrics.Count + ConfigurationKeys.OfAlertRules.Count + ConfigurationKeys.OfDeploy.Count);
    }

    [Fact]
    public void Only_mappings_merge_key_by_key()
    {
        foreach (var key in ConfigurationKeys.All.Where(k => k.Inheritance == Inheritance.MergeByKey))
        {
            var valueType = key.GetType().GetGenericArguments()[0];
            Assert.True(valueType.IsAssignableTo(typeof(IReadOnlyDictionary<string, string>)) || valueType == typeof(NestedKeys),
                $"'{key.Name}' merges key by key but holds {valueType}");
        }
    }

    [Fact]
    public void A_key_whose_value_cannot_be_null_is_refused_since_unset_would_read_as_zero()
    {
        Assert.Throws<InvalidOperationException>(() => new ConfigurationKey<int>
        {
            Name = "count",
            Places = KeyPlaces.Service,
            Value = "a number",
            Example = "1",
            Summary = "a count",
            Read = (_, _, _) => 0,
        });
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_example_is_read_without_error_wherever_its_key_may_stand(string row)
    {
        var key = Row(row);
        var places = new[] { KeyPlaces.Service, KeyPlaces.Instance, KeyPlaces.Job, KeyPlaces.Check, KeyPlaces.Router, KeyPlaces.Breaker, KeyPlaces.Metrics, KeyPlaces.AlertRule, KeyPlaces.Deploy };
        foreach (var place in places.Where(p => key.Places.HasFlag(p)))
        {
            var yaml = place switch
            {
                KeyPlaces.Service => Service(key),
                KeyPlaces.Instance => Service(null, $"{PortsFor(key)}  instances:\n    one:\n      {key.Name}: {key.Example}\n    dev: {{}}"),
                KeyPlaces.Job => Job(key),
                KeyPlaces.Router => Service(null, $"  router:\n    {key.Name}: {key.Example}"),
                KeyPlaces.Breaker => Service(null, $"  router:\n    breaker:\n      {key.Name}: {key.Example}"),
                KeyPlaces.Metrics => Service(null, $"  ports: [ 8080 ]\n  metrics:\n    {key.Name}: {key.Example}"),
                KeyPlaces.AlertRule => AlertRule(key),
                KeyPlaces.Deploy => Service(null, $"  deploy:\n    {key.Name}: {key.Example}"),
                _ => Check(key),
            };

            // Read from the reference example's folder, where the down page the examples name is.
            var result = TestConfig.Load(yaml, baseDirectory: Path.Combine(TestConfig.ExamplesFolder, "reference"));

            Assert.True(result.IsValid, $"{key.Name}: {key.Example} ({place}) does not read:\n{yaml}\n{string.Join('\n', result.Errors)}");
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Changing_a_key_replaces_the_container_exactly_when_the_key_fills_a_hashed_property(string row)
    {
        var key = Row(row);
        if (!key.Places.HasFlag(KeyPlaces.Service) || key.Container.Count == 0)
        {
            return;
        }

        var without = TestConfig.Container(TestConfig.Valid(Service(null)), "app");
        var with = TestConfig.Container(TestConfig.Valid(Service(key)), "app");

        Assert.True(key.ReplacesContainers == (with.ConfigHash != without.ConfigHash),
            $"'{key.Name}' fills {string.Join(", ", key.Container)}, so it should {(key.ReplacesContainers ? "" : "not ")}change the hash");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void An_instance_s_value_builds_the_container_its_service_s_value_builds(string row)
    {
        var key = Row(row);
        if (!key.Places.HasFlag(KeyPlaces.Instance) || key.Container.Count == 0)
        {
            return;
        }

        var inherited = TestConfig.Valid(Service(key, "  instances:\n    one: {}"));
        var own = TestConfig.Valid(Service(null, $"  instances:\n    one:\n      {key.Name}: {key.Example}"));

        Assert.Equal(
            JsonSerializer.Serialize(TestConfig.Container(inherited, "app-one"), SpecJson.Info<ContainerSpec>()),
            JsonSerializer.Serialize(TestConfig.Container(own, "app-one"), SpecJson.Info<ContainerSpec>()));
    }

    [Fact]
    public void An_instance_s_maintainer_is_checked_but_the_service_s_is_the_one_used()
    {
        var state = TestConfig.Valid(Service(ConfigurationKeys.Maintainer, "  instances:\n    one: { maintainer: { name: Joe, email: joe@example.com } }"));

        Assert.Equal(new Maintainer("Jane Doe", "jane@example.com"), state.FindService("app")!.Maintainer);
    }

    private static ConfigurationKey Row(string field) => (ConfigurationKey)Fields.Single(f => f.Name == field).GetValue(null)!;

    /// <summary>Service <c>app</c> with the key's example, and <c>database</c> for examples that require it.</summary>
    private static string Service(ConfigurationKey? key, string more = "")
    {
        var lines = new List<string> { "app:" };
        if (key != ConfigurationKeys.Image)
        {
            lines.Add("  image: app");
        }

        if (key is not null)
        {
            lines.Add($"{PortsFor(key)}  {key.Name}: {key.Example}");
        }

        lines.Add(more);
        lines.AddRange(["database:", "  image: database", "  ports: [ 9042 ]", ""]);
        return string.Join('\n', lines);
    }

    private static string Job(ConfigurationKey key)
    {
        var lines = new List<string> { "job:" };
        if (key != ConfigurationKeys.Image)
        {
            lines.Add("  image: app");
        }

        if (key != ConfigurationKeys.Every)
        {
            lines.Add("  every: 1 day at 17:00");
        }

        lines.AddRange([$"  {key.Name}: {key.Example}", ""]);
        return string.Join('\n', lines);
    }

    /// <summary>The endpoints <c>metrics</c> polls are on the main port: its example needs ports beside it.</summary>
    private static string PortsFor(ConfigurationKey key) => key == ConfigurationKeys.Metrics ? "  ports: [ 8080 ]\n" : "";

    /// <summary>A rule needs a metric and exactly one of above, below or change; for goes with a threshold, over with a change.</summary>
    private static string AlertRule(ConfigurationKey key)
    {
        var rule = key == AlertRuleKeys.Metric ? $"    - metric: {key.Example}\n      above: 1"
            : key == AlertRuleKeys.Above || key == AlertRuleKeys.Below || key == AlertRuleKeys.Change ? $"    - metric: cpu.percent\n      {key.Name}: {key.Example}"
            : key == AlertRuleKeys.Over ? $"    - metric: cpu.percent\n      change: +50%\n      over: {key.Example}"
            : $"    - metric: cpu.percent\n      above: 90\n      {key.Name}: {key.Example}";
        return Service(null, $"  alerts:\n{rule}");
    }

    /// <summary>A check needs exactly one of http, port or command: a port check unless the key is one of them.</summary>
    private static string Check(ConfigurationKey key)
    {
        ConfigurationKey[] kinds = [CheckKeys.CheckHttp, CheckKeys.CheckPort, CheckKeys.CheckCommand];
        var check = kinds.Contains(key) ? $"    - {key.Name}: {key.Example}" : $"    - port: 8080\n      {key.Name}: {key.Example}";
        return Service(null, $"  ports: [ 8080 ]\n  checks:\n{check}");
    }
}
