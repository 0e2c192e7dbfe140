using Microsoft.Extensions.Hosting;
using Sky.Feed;
using Sky.Feed.Changes;

namespace Sky.Alerts;

/// <summary>
/// Runs in the daemon: sends what the dispatcher queues, looks for due reminders every so often, and follows the state
/// feed so that the alerts of services and jobs a new configuration drops close themselves.
/// </summary>
public sealed class AlertWorker(AlertDispatcher dispatcher, AlertManager manager, TimeProvider clock, StateFeed? feed = null) : BackgroundService
{
    /// <summary>How often reminders are looked for; a reminder is late by at most this much.</summary>
    public static readonly TimeSpan ReminderCheck = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sending = dispatcher.RunAsync(stoppingToken);
        var following = feed is null ? Task.CompletedTask : FollowConfigurationAsync(feed, stoppingToken);
        using var timer = new PeriodicTimer(ReminderCheck, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                manager.SendReminders();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await sending;
        await following;
    }

    /// <summary>
    /// Each applied revision (and the one in force when the daemon starts, in the first snapshot) withdraws the alerts
    /// of what it no longer has. Before anything is applied there is no configuration to judge by, so nothing closes.
    /// </summary>
    private async Task FollowConfigurationAsync(StateFeed states, CancellationToken cancellationToken)
    {
        await foreach (var item in states.WatchAsync(cancellationToken: cancellationToken))
        {
            switch (item)
            {
                case FeedSnapshot { Revision: > 0 } snapshot:
                    manager.Withdraw(snapshot.State);
                    break;
                case DesiredStateChanged { Revision: > 0 } applied:
                    manager.Withdraw(applied.State);
                    break;
                default:
                    break;
            }
        }
    }
}
