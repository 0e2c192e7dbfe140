using Sky.Model;
using Sky.Schedules;

namespace Sky.Configuration.Tests;

public class ConfigurationLoaderTests
{
    [Fact]
    public void Several_errors_in_one_file_are_all_reported_in_file_order()
    {
        var result = TestConfig.Load(string.Join('\n',
            "web:",
            "  imagee: x",
            "  memory: 1x",
            "  requires: [databse]",
            "database:",
            "  image: cassandra",
            "  cpus: none",
            "  restart: sometimes",
            ""));

        Assert.Null(result.State);
        Assert.False(result.IsValid);
        Assert.Equal(
            [
                "test.yml:1:1: web: no image (add image: NAME or image: NAME:TAG)",
                "test.yml:2:3: web.imagee: unknown key 'imagee' (did you mean 'image'?)",
                "test.yml:3:11: web.memory: '1x' is not a size (use 512m, 1g)",
                "test.yml:4:14: web.requires[0]: unknown dependency 'databse' (did you mean 'database'?)",
                "test.yml:7:9: database.cpus: 'none' is not a number of CPUs (use a number above 0 such as 0.5 or 2)",
                "test.yml:8:12: database.restart: 'sometimes' is not a restart policy (use no, on-failure, on-failure:N, always or unless-stopped)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Errors_of_every_file_are_reported_even_after_a_syntax_error()
    {
        var result = ConfigurationLoader.Load(
            [
                new ConfigurationFile("a.yml", "a:\n  image: x\n  ports: [1, 2\n"),
                new ConfigurationFile("b.yml", "b:\n  image: y\n  memory: lots\n"),
            ],
            new Naming());

        Assert.Equal(
            [
                "a.yml:4:1: a.ports: While parsing a flow sequence, did not find expected ',' or ']'.",
                "b.yml:3:11: b.memory: 'lots' is not a size (use 512m, 1g)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_entry_defined_in_two_files_is_reported_where_it_repeats_with_where_it_was_first()
    {
        var result = ConfigurationLoader.Load(
            [
                new ConfigurationFile("one.yml", "# first\nweb:\n  image: x\n"),
                new ConfigurationFile("two.yml", "other:\n  image: y\nweb:\n  image: z\n"),
            ],
            new Naming());

        var error = Assert.Single(result.Errors);
        Assert.Equal("two.yml:3:1: web: duplicate entry 'web' (first at one.yml:2:1)", error.ToString());
        Assert.Equal(new ConfigurationError("two.yml", 3, 1, "web", "duplicate entry 'web' (first at one.yml:2:1)"), error);
    }

    [Fact]
    public void Entries_may_require_entries_of_other_files()
    {
        var state = ConfigurationLoader.Load(
            [
                new ConfigurationFile("app.yml", "app:\n  image: app\n  requires: cache\n"),
                new ConfigurationFile("cache.yml", "cache:\n  image: redis:7\n  ports: 6379\n"),
            ],
            new Naming()).State!;

        var app = TestConfig.Container(state, "app");
        Assert.Equal("cache", app.Environment["CACHE_HOST"]);
        Assert.Equal("6379", app.Environment["CACHE_PORT"]);
        Assert.Equal("cache.yml:1", state.FindService("cache")!.Source);
    }

    [Fact]
    public void An_empty_configuration_is_an_empty_state()
    {
        var state = TestConfig.Valid("# nothing yet\n");

        Assert.Empty(state.Services);
        Assert.Empty(state.Jobs);
    }

    [Theory]
    [InlineData("every day at 25:00")]
    [InlineData("sometimes")]
    public void A_bad_schedule_is_reported_in_the_scheduler_s_words(string every)
    {
        // The words come from Sky.Scheduler; this test asks it for them rather than repeating them here.
        Assert.False(ScheduleParser.TryParse(every, null, out _, out var expected));

        var error = TestConfig.SingleError($"nightly:\n  image: base:0.7\n  every: {every}\n");

        Assert.Equal($"test.yml:3:10: nightly.every: {expected}", error);
    }

    [Fact]
    public void A_job_reads_its_time_zone_and_run_policies()
    {
        var job = TestConfig.Valid(string.Join('\n',
            "report:",
            "  image: base:0.7",
            "  every: 1 day at 17:00",
            "  timezone: Europe/Paris",
            "  missed: run-once",
            "  overlap: queue",
            "  timeout: 1h30m",
            "  notify-on-completion: yes",
            "  env: {MODE: full}",
            "  volumes: ['reports:/out']",
            "")).FindJob("report")!;

        Assert.Equal("Europe/Paris", job.TimeZone);
        Assert.Equal(MissedRunPolicy.RunOnce, job.Missed);
        Assert.Equal(OverlapPolicy.Queue, job.Overlap);
        Assert.Equal(TimeSpan.FromMinutes(90), job.Timeout);
        Assert.True(job.NotifyOnCompletion);
        Assert.Equal("full", job.Environment["MODE"]);
        Assert.Equal([new VolumeMount("reports", "/out", false, false)], job.Volumes);
        Assert.Null(job.Command);
    }

    [Fact]
    public void A_job_has_skip_policies_and_no_timeout_unless_told()
    {
        var job = TestConfig.Valid("j:\n  image: x\n  every: 15 minutes\n").FindJob("j")!;

        Assert.Equal(MissedRunPolicy.Skip, job.Missed);
        Assert.Equal(OverlapPolicy.Skip, job.Overlap);
        Assert.Null(job.Timeout);
        Assert.False(job.NotifyOnCompletion);
        Assert.Equal("x:latest", job.Image);
    }

    [Fact]
    public void Loading_never_throws_on_malformed_input()
    {
        string[] inputs =
        [
            "", "\t", ":", "[", "{a: [}", "a: &x [*x]", "- - - -", "a:\n  <<: 5", "? [a]\n: b", "a: !!binary zz",
            new string('[', 2000), "a:\n  image: x\n  env: {A: [1]}", "a: {every: [1]}", "&a a: b", "a:\n  instances: [1]",
        ];

        foreach (var input in inputs)
        {
            var result = TestConfig.Load(input);
            Assert.True(result.IsValid || result.State is null, input);
        }
    }
}
