using Sky.Model;

namespace Sky.Supervisor.Tests;

public sealed class ConfigurationChangesTests
{
    private static ServiceSpec Service(string name, string image) => new()
    {
        Name = name,
        Instances = [new InstanceSpec { Service = name, Name = "default", Network = name, Containers = [SupervisionParts.Spec(name) with { Service = name, Image = image }] }],
    };

    private static JobSpec Job(string name, string every) => new() { Name = name, Image = "base:0.7", Command = ["true"], Every = every };

    [Fact]
    public void Entries_are_said_added_changed_or_removed_in_the_order_of_the_configuration()
    {
        var before = new DesiredState([Service("web", "web:1"), Service("old", "old:1"), Service("same", "same:1")], [Job("report", "1 day at 03:00")]);
        var after = new DesiredState([Service("same", "same:1"), Service("web", "web:2"), Service("new", "new:1")], [Job("report", "1 day at 04:00"), Job("cleanup", "1 hour")]);

        Assert.Equal(
            ["changed service web", "added service new", "removed service old", "changed job report", "added job cleanup"],
            ConfigurationChanges.Between(before, after).Select(ConfigurationChanges.Describe));
    }

    [Fact]
    public void Applying_the_same_configuration_again_changes_nothing()
    {
        var state = new DesiredState([Service("web", "web:1")], [Job("report", "1 day at 03:00")]);

        Assert.Empty(ConfigurationChanges.Between(state, state with { }));
    }

    [Fact]
    public void A_changed_entry_says_which_keys_changed_and_how()
    {
        var before = new DesiredState([Service("web", "web:1")], [Job("report", "1 day at 03:00")]);
        var after = new DesiredState([Service("web", "web:2")], [Job("report", "1 day at 04:00")]);

        var changes = ConfigurationChanges.Between(before, after);

        Assert.Equal(["default/web.image: \"web:1\" -> \"web:2\""], changes[0].Details);
        Assert.Equal(["every: \"1 day at 03:00\" -> \"1 day at 04:00\""], changes[1].Details);
    }
}
