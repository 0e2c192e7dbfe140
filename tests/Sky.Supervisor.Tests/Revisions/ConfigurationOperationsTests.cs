using Sky.Store;
using Sky.Supervisor.Revisions;

namespace Sky.Supervisor.Tests.Revisions;

public sealed class ConfigurationOperationsTests : IDisposable
{
    private readonly SupervisionParts parts = new();

    private ConfigurationOperations Configuration => parts.Configuration;

    [Fact]
    public async Task Apply_reports_the_configuration_s_warnings_and_still_applies_it()
    {
        var reporter = new RecordingReporter();
        var yaml = "app:\n  image: app\n  alerts: [ { metric: memory.percnt, below: 10 } ]\n";

        var revision = await Configuration.ApplyAsync(Source("team-a", yaml), reporter, CancellationToken.None);

        Assert.Equal(1, revision);
        Assert.Contains(
            reporter.Warnings,
            w => w.StartsWith("services.yml:3:23: app.alerts[0].metric: sky measures no metric 'memory.percnt' (did you mean 'memory.percent'?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_source_adds_its_services_and_removes_none_of_the_first_one_s()
    {
        Want("alpha", "beta");
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\n"));

        var reporter = new RecordingReporter();
        await Configuration.ApplyAsync(Source("team-b", "beta:\n  image: beta:1\n"), reporter, CancellationToken.None);

        Assert.Equal(["added service beta"], reporter.Changes);
        Assert.Equal(["alpha", "beta"], parts.Desired.Current().State.Services.Select(s => s.Name).Order());
        Assert.Equal(["sup-alpha", "sup-beta"], parts.Engine.Running.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task A_source_applied_again_removes_only_what_it_held_and_no_longer_holds()
    {
        Want("alpha", "beta", "gamma");
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\nbeta:\n  image: beta:1\n"));
        await ApplyAsync(Source("team-b", "gamma:\n  image: gamma:1\n"));

        var reporter = new RecordingReporter();
        await Configuration.ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\n"), reporter, CancellationToken.None);

        Assert.Equal(["removed service beta"], reporter.Changes);
        Assert.Equal(["sup-alpha", "sup-gamma"], parts.Engine.All.Where(c => !c.Removed).Select(c => c.Name).Order());
    }

    [Fact]
    public async Task An_entry_two_sources_define_is_an_error_naming_both_and_stores_nothing()
    {
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\n"));

        var error = await Assert.ThrowsAsync<OperationException>(() => Configuration.ApplyAsync(Source("team-b", "alpha:\n  image: alpha:2\n"), new RecordingReporter(), CancellationToken.None));

        Assert.Contains("entry 'alpha' is defined by two sources: team-a (services.yml:1:1) and team-b", Assert.Single(error.Details), StringComparison.Ordinal);
        Assert.Equal(1, parts.Revisions.Latest()!.Number);
        Assert.Equal("alpha:1", parts.Desired.Current().State.Services.Single().Instances[0].Containers[0].Image);
    }

    [Fact]
    public async Task A_preview_says_what_would_change_key_by_key_and_which_containers_it_would_replace_and_changes_nothing()
    {
        Want("alpha");
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\n  env: { LEVEL: info }\n"));
        var before = parts.Engine.All.Select(c => c.Id).ToList();

        var preview = await Configuration.PreviewAsync(Source("team-a", "alpha:\n  image: alpha:2\n  env: { LEVEL: debug }\n"), CancellationToken.None);

        var change = Assert.Single(preview.Changes);
        Assert.Equal("changed", change.Change);
        Assert.Contains("default/sup-alpha.image: \"alpha:1\" -> \"alpha:2\"", change.Details);
        Assert.Contains("default/sup-alpha.environment.LEVEL: \"info\" -> \"debug\"", change.Details);
        Assert.Contains(preview.Plan.Steps, s => s.Action == Sky.Planning.PlanAction.Roll && s.Target == "sup-alpha");
        Assert.Equal(1, parts.Revisions.Latest()!.Number);
        Assert.Equal(before, parts.Engine.All.Select(c => c.Id).ToList());
        Assert.Equal("alpha:1", parts.Engine.All.Single().Request.Image);
    }

    [Fact]
    public async Task A_removed_entry_leaves_its_source_until_that_source_is_applied_again()
    {
        Want("alpha", "beta");
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\nbeta:\n  image: beta:1\n"));

        await Configuration.RemoveAsync("beta", new RecordingReporter(), CancellationToken.None);

        Assert.Equal(["alpha"], parts.Desired.Current().State.Services.Select(s => s.Name));
        Assert.Equal(["sup-alpha"], parts.Engine.All.Where(c => !c.Removed).Select(c => c.Name));
        Assert.Equal(RevisionKinds.Remove, parts.Revisions.Latest()!.Kind);

        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\nbeta:\n  image: beta:1\n"));
        Assert.Equal(["alpha", "beta"], parts.Desired.Current().State.Services.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Removing_what_no_source_defines_is_not_found()
    {
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\n"));

        var error = await Assert.ThrowsAsync<OperationException>(() => Configuration.RemoveAsync("nothing", new RecordingReporter(), CancellationToken.None));

        Assert.Equal(OperationErrorKind.NotFound, error.Kind);
        Assert.Equal(1, parts.Revisions.Latest()!.Number);
    }

    [Fact]
    public async Task A_rollback_returns_the_whole_spec_of_the_last_deployed_version_and_marks_the_one_it_left()
    {
        Want("alpha");
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\n  env: { LEVEL: info }\n  ports: [8080]\n"));
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:2\n  env: { LEVEL: debug }\n"));

        var revision = await Configuration.RollbackAsync("alpha", null, null, RevisionKinds.Rollback, new RecordingReporter(), CancellationToken.None);

        var container = parts.Desired.Current().State.Services.Single().Instances[0].Containers[0];
        Assert.Equal(("alpha:1", "info", 8080), (container.Image, container.Environment["LEVEL"], container.Ports.Single()));
        Assert.Equal("alpha:1", parts.Engine.Running.Single().Request.Image);
        var history = parts.Revisions.ChangesTo("alpha", 10);
        Assert.Equal([revision, 2L, 1L], history.Select(c => c.Revision));
        Assert.Equal([RevisionOutcomes.Deployed, RevisionOutcomes.RolledBack, RevisionOutcomes.Deployed], history.Select(c => c.Outcome));
        Assert.Equal("rollback of alpha to revision 1", parts.Revisions.Latest()!.Origin);
    }

    [Fact]
    public async Task A_rollback_holds_until_the_source_changes_the_service()
    {
        Want("alpha", "beta");
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\nbeta:\n  image: beta:1\n"));
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:2\nbeta:\n  image: beta:1\n"));
        await Configuration.RollbackAsync("alpha", null, 1, RevisionKinds.Rollback, new RecordingReporter(), CancellationToken.None);

        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:2\nbeta:\n  image: beta:2\n"));
        Assert.Equal("alpha:1", Image("alpha"));

        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:3\nbeta:\n  image: beta:2\n"));
        Assert.Equal("alpha:3", Image("alpha"));
    }

    [Fact]
    public async Task A_rollback_to_a_revision_without_the_service_or_to_what_runs_is_refused()
    {
        await ApplyAsync(Source("team-a", "alpha:\n  image: alpha:1\n"));
        await ApplyAsync(Source("team-b", "beta:\n  image: beta:1\n"));

        var missing = await Assert.ThrowsAsync<OperationException>(() => Configuration.RollbackAsync("beta", null, 1, RevisionKinds.Rollback, new RecordingReporter(), CancellationToken.None));
        var same = await Assert.ThrowsAsync<OperationException>(() => Configuration.RollbackAsync("alpha", null, 1, RevisionKinds.Rollback, new RecordingReporter(), CancellationToken.None));
        var none = await Assert.ThrowsAsync<OperationException>(() => Configuration.RollbackAsync("alpha", null, null, RevisionKinds.Rollback, new RecordingReporter(), CancellationToken.None));

        Assert.Equal("revision 1 has no service beta", missing.Message);
        Assert.Equal("alpha is already as revision 1 has it: nothing to roll back", same.Message);
        Assert.Equal(OperationErrorKind.NotFound, none.Kind);
        Assert.Equal(2, parts.Revisions.Latest()!.Number);
    }

    [Fact]
    public async Task One_instance_rolls_back_alone()
    {
        var yaml = "alpha:\n  image: alpha:{0}\n  instances:\n    production: {{}}\n    dev: {{}}\n";
        await ApplyAsync(Source("team-a", string.Format(System.Globalization.CultureInfo.InvariantCulture, yaml, 1)));
        await ApplyAsync(Source("team-a", string.Format(System.Globalization.CultureInfo.InvariantCulture, yaml, 2)));

        await Configuration.RollbackAsync("alpha", "production", 1, RevisionKinds.Rollback, new RecordingReporter(), CancellationToken.None);

        var instances = parts.Desired.Current().State.Services.Single().Instances.ToDictionary(i => i.Name, i => i.Containers[0].Image);
        Assert.Equal("alpha:1", instances["production"]);
        Assert.Equal("alpha:2", instances["dev"]);
    }

    public void Dispose() => parts.Dispose();

    private static RevisionSource Source(string name, string yaml) => new(name, null, [new StoredFile("services.yml", yaml)]);

    private Task<long> ApplyAsync(RevisionSource source) => Configuration.ApplyAsync(source, new RecordingReporter(), CancellationToken.None);

    private string Image(string service) => parts.Desired.Current().State.FindService(service)!.Instances[0].Containers[0].Image;

    private void Want(params string[] services)
    {
        foreach (var service in services)
        {
            parts.Intents.Set(service, Sky.Model.Naming.DefaultInstance, running: true);
        }
    }
}
