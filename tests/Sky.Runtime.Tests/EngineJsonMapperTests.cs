using System.Text.Json;
using Sky.Model;

namespace Sky.Runtime.Tests;

public class EngineJsonMapperTests
{
    [Theory]
    [InlineData("created", ContainerState.Created)]
    [InlineData("running", ContainerState.Running)]
    [InlineData("paused", ContainerState.Paused)]
    [InlineData("restarting", ContainerState.Restarting)]
    [InlineData("removing", ContainerState.Removing)]
    [InlineData("exited", ContainerState.Exited)]
    [InlineData("dead", ContainerState.Dead)]
    [InlineData("something new", ContainerState.Dead)]
    public void Engine_states_map_to_sky_states(string status, ContainerState state)
    {
        Assert.Equal(state, EngineJsonMapper.ParseState(status));
    }

    [Fact]
    public void Null_maps_and_lists_in_an_inspection_read_as_empty()
    {
        using var document = JsonDocument.Parse("""
            {"Id":"abc","Name":"/x","State":{"Status":"exited","ExitCode":3,"StartedAt":"0001-01-01T00:00:00Z"},
             "Config":{"Image":"img","Labels":null,"Env":null},"HostConfig":{},"NetworkSettings":{"Ports":null,"Networks":null}}
            """);

        var details = EngineJsonMapper.ToDetails(document.RootElement);

        Assert.Equal("x", details.Name);
        Assert.Equal(3, details.ExitCode);
        Assert.Null(details.StartedAt);
        Assert.Empty(details.Labels);
        Assert.Empty(details.PublishedPorts);
        Assert.Empty(details.Networks);
    }

    [Fact]
    public void An_event_takes_its_time_from_the_nanosecond_field()
    {
        using var document = JsonDocument.Parse("""
            {"Type":"container","Action":"die","Actor":{"ID":"abc","Attributes":{"exitCode":"3","name":"x"}},"time":1700000000,"timeNano":1700000000123456789}
            """);

        var engineEvent = EngineJsonMapper.ToEvent(document.RootElement);

        Assert.Equal(("container", "die", "abc", "x"), (engineEvent.Type, engineEvent.Action, engineEvent.ActorId, engineEvent.Name));
        Assert.Equal("3", engineEvent.Attributes["exitCode"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1_234_567), engineEvent.Time);
    }
}
