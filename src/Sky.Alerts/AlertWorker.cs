using Microsoft.Extensions.Hosting;

namespace Sky.Alerts;

/// <summary>Runs in the daemon: sends what the dispatcher queues, and looks for due reminders every so often.</summary>
public sealed class AlertWorker(AlertDispatcher dispatcher, AlertManager manager, TimeProvider clock) : BackgroundService
{
    /// <summary>How often reminders are looked for; a reminder is late by at most this much.</summary>
    public static readonly TimeSpan ReminderCheck = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sending = dispatcher.RunAsync(stoppingToken);
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
    }
}
