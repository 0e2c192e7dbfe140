namespace Sky.Api.Snitch;

/// <summary>Takes the notices snitch leaves in one-off containers' outboxes, sends them, and answers each one.</summary>
public sealed class SnitchOutboxWatcher(SnitchOutbox outbox, NotificationSender sender, ILogger<SnitchOutboxWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            TakeAll();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    /// <summary>One pass over the outboxes; returns how many notices were taken.</summary>
    public int TakeAll()
    {
        var taken = 0;
        foreach (var path in outbox.Pending())
        {
            try
            {
                var (request, problem) = SnitchOutbox.Parse(File.ReadAllText(path));
                var queued = (IReadOnlyList<string>)[];
                if (request is not null)
                {
                    (queued, problem) = sender.Send(request);
                }

                File.WriteAllText(path + ".result", problem is null ? $"sent: {string.Join(", ", queued)}\n" : $"refused: {problem}\n");
                File.Delete(path);
                logger.LogInformation("snitch notice {Path}: {Outcome}", path, problem ?? string.Join(", ", queued));
                taken++;
            }
            catch (IOException exception)
            {
                logger.LogWarning("cannot take the snitch notice {Path}: {Error}", path, exception.Message);
            }
        }

        return taken;
    }
}
