using System.Text.Json;
using Sky.Testing;

namespace Sky.Contracts.Tests;

/// <summary>The one JSON shape of the API, as both the daemon and the CLI write and read it.</summary>
public sealed class SkyJsonTests
{
    [Fact]
    public void A_run_duration_is_written_as_seconds_in_a_number()
    {
        var run = new JobRunView
        {
            Number = 7,
            Job = "nightly",
            Trigger = "manual",
            DispatchedAt = DateTimeOffset.Parse("2026-11-29T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            DurationSeconds = 0.0817534,
            State = JobRunView.Succeeded,
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(run, SkyJson.Options));

        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("durationSeconds").ValueKind);
        Assert.Equal(0.0817534, json.RootElement.GetProperty("durationSeconds").GetDouble());
        Assert.False(json.RootElement.TryGetProperty("duration", out _));
    }

    [Fact]
    public void A_one_off_request_that_leaves_out_start_is_started_and_one_that_says_false_is_not()
    {
        var plain = JsonSerializer.Deserialize("""{"image":"base:0.7"}""", SkyJson.Info<OneOffCreateRequest>())!;
        var held = JsonSerializer.Deserialize("""{"start":false}""", SkyJson.Info<OneOffCreateRequest>())!;

        Assert.True(plain.Start);
        Assert.Equal("base:0.7", plain.Image);
        Assert.False(held.Start);
    }

    [Fact]
    public void Names_are_camel_case_and_nulls_are_left_out()
    {
        var text = JsonSerializer.Serialize(new JobStartAnswer("nightly", 3), SkyJson.Options)
            + JsonSerializer.Serialize(new ApiError("no such job"), SkyJson.Options);

        Assert.Equal("""{"job":"nightly","run":3}{"error":"no such job"}""", text);
    }

    [Fact]
    public void A_job_run_with_its_output_comes_back_as_it_was_written()
    {
        var run = new JobRunView
        {
            Number = 12,
            Job = "export",
            Trigger = "schedule",
            ScheduledAt = DateTimeOffset.Parse("2026-11-29T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            DispatchedAt = DateTimeOffset.Parse("2026-11-29T03:00:00.004Z", System.Globalization.CultureInfo.InvariantCulture),
            StartedAt = DateTimeOffset.Parse("2026-11-29T03:00:00.210Z", System.Globalization.CultureInfo.InvariantCulture),
            EndedAt = DateTimeOffset.Parse("2026-11-29T03:00:02.5Z", System.Globalization.CultureInfo.InvariantCulture),
            DurationSeconds = 2.29,
            ExitCode = 3,
            State = JobRunView.Failed,
            Message = "exit code 3",
            Output = "about to fail\n",
            Container = "4f2a",
        };

        Assert.Equal(run, RoundTrip(run));
    }

    [Fact]
    public void A_service_status_keeps_its_instances_containers_and_published_ports()
    {
        var container = new ContainerStatusView
        {
            Name = "web-production",
            Service = "web",
            Instance = "production",
            Role = "main",
            State = "running",
            Health = "healthy",
            Restarts = 2,
            Ports = new Dictionary<int, int> { [8080] = 32768 },
        };
        var status = new ServiceStatusView("web", "Jane Doe <jane@example.com>", 4, [new InstanceStatusView("production", true, [container])]);

        var back = RoundTrip(status);

        Assert.Equal(("web", 4L, "Jane Doe <jane@example.com>"), (back.Name, back.Revision, back.Maintainer));
        var instance = Assert.Single(back.Instances);
        Assert.Equal(("production", true), (instance.Name, instance.WantedRunning));
        var read = Assert.Single(instance.Containers);
        Assert.Equal(container with { Ports = read.Ports }, read);
        Assert.Equal(32768, read.Ports[8080]);
    }

    [Fact]
    public void A_service_status_written_before_the_router_reads_without_addresses_or_router_state()
    {
        const string before = """
            {"name":"web","revision":4,"instances":[{"name":"production","wantedRunning":true,"containers":[
              {"name":"web-production","service":"web","instance":"production","role":"main","state":"running"}]}]}
            """;

        var read = JsonSerializer.Deserialize<ServiceStatusView>(before, SkyJson.Options)!;

        var instance = Assert.Single(read.Instances);
        Assert.Equal((null, null), (instance.Addresses, Assert.Single(instance.Containers).Router));
    }

    [Fact]
    public void Service_stats_keep_their_rows_and_router_states()
    {
        var row = new RequestStatsView(0.5, 30, new StatusCountsView(0, 0, 28, 0, 1, 1), 1.0 / 30, new LatencyView(1.5, 3, 9.75, 12), 0, 4096, 1, 2, 1, 0, 0, 0);
        var ejected = new RouterStateView("ready", "ejected", DateTimeOffset.Parse("2026-11-29T17:00:04Z", System.Globalization.CultureInfo.InvariantCulture), 4, 1, 0);
        var stats = new ServiceStatsView("web", 60, DateTimeOffset.Parse("2026-11-29T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), row,
            [new InstanceStatsView("production", row, [new ContainerStatsView("web-production", row, ejected)])]);

        var back = RoundTrip(stats);

        Assert.Equal(row, back.Total);
        Assert.Equal((ejected, (IReadOnlyList<StatsSampleView>?)null), (back.Instances[0].Containers[0].Router, back.Series));
    }

    [Fact]
    public void A_feed_change_carries_only_the_fields_its_type_sets()
    {
        var change = new FeedChangeView
        {
            Sequence = 41,
            Time = DateTimeOffset.Parse("2026-11-29T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Type = "container",
            Message = "t-web-production running on 127.0.0.1:32768 (port 8080)",
            Service = "web",
            Container = "t-web-production",
            Phase = "running",
            HostPorts = new Dictionary<int, int> { [8080] = 32768 },
        };

        var text = JsonSerializer.Serialize(change, SkyJson.Options);
        var back = JsonSerializer.Deserialize<FeedChangeView>(text, SkyJson.Options)!;

        Assert.Contains("\"hostPorts\":{\"8080\":32768}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("revision", text, StringComparison.Ordinal);
        Assert.Equal(change with { HostPorts = back.HostPorts }, back);
        Assert.Equal(32768, back.HostPorts![8080]);
    }

    [Fact]
    public void A_number_sent_as_a_string_is_refused_as_the_document_says()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobStartAnswer>("""{"job":"nightly","run":"3"}""", SkyJson.Options));
    }

    [Fact]
    public void Every_contract_has_its_metadata_from_the_source_generator()
    {
        var missing = Contracts.Where(t => !SkyJson.Options.TryGetTypeInfo(t, out _)).Select(t => t.Name).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Reflection_is_off_so_a_type_no_context_names_cannot_be_written()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        Assert.Throws<NotSupportedException>(() => SkyJson.Options.GetTypeInfo(typeof(Uri[])));
    }

    [Fact]
    public void Every_enum_a_contract_carries_is_written_as_a_camel_case_word()
    {
        var enums = JsonTypesReached.From(SkyJson.Options, Contracts).Where(t => t.IsEnum);

        Assert.All(enums.SelectMany(t => Enum.GetValues(t).Cast<Enum>()), value => Assert.Equal(
            $"\"{JsonNamingPolicy.CamelCase.ConvertName(value.ToString())}\"",
            JsonSerializer.Serialize(value, SkyJson.Options.GetTypeInfo(value.GetType()))));
    }

    private static Type[] Contracts => typeof(SkyJson).Assembly.GetExportedTypes().Where(t => t.GetMethod("<Clone>$") is not null).ToArray();

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize(JsonSerializer.Serialize(value, SkyJson.Info<T>()), SkyJson.Info<T>())!;
}
