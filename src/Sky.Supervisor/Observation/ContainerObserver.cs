using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Runtime;

namespace Sky.Supervisor.Observation;

/// <summary>
/// The feed's eyes on the engine: follows the engine's events for this daemon's containers and publishes each
/// container's life (created, running with its published host ports, died, stopped, removed). On every (re)connection
/// it lists what runs first, so nothing missed while the engine was away stays wrong; a lost stream is published too
/// (the supervisor learns of engine restarts from it) and reopened with back-off. Containers another daemon of the
/// namespace made never reach the feed, so no part that reads it (supervisor, router, logs, metrics) acts on them.
/// </summary>
public sealed class ContainerObserver(IContainerRuntime runtime, Naming naming, StateFeed feed, TimeProvider clock, ILogger<ContainerObserver> logger)
    : BackgroundService
{
    private static readonly TimeSpan BackOffCap = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Subscribe first, list second: a change between the two is then seen twice, never missed.
                await using var events = runtime.GetEventsAsync(NamespaceContainers.Labels(naming), null, stoppingToken).GetAsyncEnumerator(stoppingToken);
                var first = events.MoveNextAsync();
                await ListAsync(stoppingToken);
                backOff = TimeSpan.FromSeconds(1);
                var more = await first;
                while (more)
                {
                    await PublishAsync(events.Current, stoppingToken);
                    more = await events.MoveNextAsync();
                }

                feed.Publish(new EngineConnectionChanged(false, true, "the engine ended its event stream"));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Whatever broke the stream, sky must not go blind: publish the loss, back off, reconnect, list again.
                feed.Publish(new EngineConnectionChanged(false, exception is EngineUnavailableException, exception.Message));
                logger.LogWarning("Engine event stream lost, reconnecting in {Delay}: {Message}", backOff, exception.Message);
            }

            try
            {
                await Task.Delay(backOff, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backOff = backOff * 2 > BackOffCap ? BackOffCap : backOff * 2;
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var listed = new List<ContainerFacts>();
        foreach (var container in await runtime.ListOwnContainersAsync(naming, cancellationToken))
        {
            var facts = ContainerFactsMapper.From(container);
            if (container.State == ContainerState.Running && await runtime.InspectContainerAsync(container.Id, cancellationToken) is { } details)
            {
                facts = facts with { HostPorts = details.PublishedPorts };
            }

            listed.Add(facts);
        }

        feed.Publish(new ContainersListed(listed));
    }

    private async Task PublishAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        if (engineEvent.Action == "rename")
        {
            await PublishRenameAsync(engineEvent, cancellationToken);
            return;
        }

        // The engine's filter knows no "this label absent or equal to": another daemon's containers are left out here.
        if (ContainerFactsMapper.PhaseOf(engineEvent) is not { } phase || !naming.Owns(engineEvent.Attributes))
        {
            return;
        }

        var facts = ContainerFactsMapper.From(engineEvent, phase);
        if (phase == ContainerPhase.Running)
        {
            // Host ports are known only once it runs; a container already gone again is reported by its next event.
            try
            {
                if (await runtime.InspectContainerAsync(engineEvent.ActorId, cancellationToken) is { } details)
                {
                    facts = facts with { HostPorts = details.PublishedPorts };
                }
            }
            catch (EngineException exception)
            {
                logger.LogDebug("Inspecting {Container} after its start failed: {Message}", facts.Name, exception.Message);
            }
        }

        feed.Publish(new ContainerChanged(facts));
    }

    /// <summary>
    /// A rename says neither the container's state nor its ports: both are read from the engine, so the facts under the
    /// new name are whole at once (a router keeps sending to a running container it knew under its old name).
    /// </summary>
    private async Task PublishRenameAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        if (!naming.Owns(engineEvent.Attributes) || engineEvent.Attributes.GetValueOrDefault("oldName") is not { Length: > 0 } oldName)
        {
            return;
        }

        ContainerDetails? details;
        try
        {
            details = await runtime.InspectContainerAsync(engineEvent.ActorId, cancellationToken);
        }
        catch (EngineException exception)
        {
            logger.LogDebug("Inspecting {Container} after its rename failed: {Message}", engineEvent.Name, exception.Message);
            return;
        }

        if (details is null)
        {
            return;
        }

        var facts = ContainerFactsMapper.From(engineEvent, ContainerFactsMapper.PhaseOf(details.State)) with { HostPorts = details.PublishedPorts, ConfigHash = details.ConfigHash };
        feed.Publish(new ContainerChanged(facts) { PreviousName = oldName.TrimStart('/') });
    }
}
