using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sky.OneOffs.Snitch;

/// <summary>Takes the notices snitch leaves in one-off containers' outboxes, sends them, and answers each one.</summary>
public sealed class SnitchOutboxWatcher(SnitchOutbox outbox, NotificationSender sender, ILogger<SnitchOutboxWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await TakeAllAsync();

                // Looked at four times a second while a one-off may write a notice; with no outbox at all, not until one
                // is made: an idle daemon does not wake for nothing.
                var prepared = outbox.NextPrepared();
                if (!outbox.AnyOutbox())
                {
                    await prepared.WaitAsync(stoppingToken);
                    continue;
                }

                await Task.Delay(Every, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over the outboxes; returns how many notices were taken.</summary>
    public async Task<int> TakeAllAsync()
    {
        var count = 0;
        foreach (var path in outbox.Pending())
        {
            try
            {
                var (text, problem) = await outbox.TakeAsync(path);
                IReadOnlyList<string> queued = [];
                if (text is not null)
                {
                    var (request, parseProblem) = SnitchOutbox.Parse(text);
                    problem = parseProblem;
                    if (request is not null)
                    {
                        (queued, problem) = sender.Send(request);
                    }
                }

                await outbox.AnswerAsync(path, problem is null ? $"sent: {string.Join(", ", queued)}" : $"refused: {problem}");
                logger.LogInformation("snitch notice {Path}: {Outcome}", path, problem ?? string.Join(", ", queued));
                count++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("cannot take the snitch notice {Path}: {Error}", path, exception.Message);
            }
        }

        return count;
    }
}
