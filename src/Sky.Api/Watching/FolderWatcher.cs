using System.Threading.Channels;
using Sky.Alerts;
using Sky.Api.Settings;
using Sky.Configuration;
using Sky.Store;
using Sky.Supervisor;
using Sky.Supervisor.Revisions;
using Sky.Supervisor.Supervision;

namespace Sky.Api.Watching;

/// <summary>
/// Applies the folders of <see cref="DaemonSettings.Watch"/> by itself: each is a source named by its full path, applied
/// when the daemon starts (if it changed meanwhile) and after every change once the folder has been quiet for
/// <see cref="Quiet"/> (an editor saves in several writes; a checkout touches many files). A change into a configuration
/// with errors applies nothing: the errors go to the event log, the daemon's log and the alert channels, once per
/// content. Waits on file-system events, never polls.
/// </summary>
public sealed class FolderWatcher(
    DaemonSettings settings,
    ConfigurationOperations configuration,
    DesiredStateSource desired,
    EventLog events,
    TimeProvider clock,
    ILogger<FolderWatcher> logger,
    IAlertSink? alerts = null) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(settings.Watch.Select(folder => WatchAsync(Path.GetFullPath(folder), stoppingToken)));

    private async Task WatchAsync(string folder, CancellationToken cancellationToken)
    {
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        void Changed(object sender, FileSystemEventArgs e) => changed.Writer.TryWrite(true);
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (sender, e) => Changed(sender, e);
        watcher.EnableRaisingEvents = true;
        var last = new LastRejection();
        try
        {
            await ApplyIfChangedAsync(folder, last, cancellationToken);
            while (await changed.Reader.WaitToReadAsync(cancellationToken))
            {
                // Quiet: a change during the wait starts the wait again.
                do
                {
                    changed.Reader.TryRead(out _);
                    await Task.Delay(Quiet, clock, cancellationToken);
                }
                while (changed.Reader.TryRead(out _));

                await ApplyIfChangedAsync(folder, last, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyIfChangedAsync(string folder, LastRejection last, CancellationToken cancellationToken)
    {
        RevisionSource source;
        try
        {
            source = new RevisionSource(folder, folder, [.. ConfigurationFiles.Read(folder).Select(f => new StoredFile(f.Path, f.Content))]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cannot read the watched folder {Folder}: {Message}", folder, exception.Message);
            return;
        }

        var applied = desired.Current().Content.Sources.FirstOrDefault(s => s.Name == folder);
        if (applied is not null && applied.Files.SequenceEqual(source.Files))
        {
            return;
        }

        try
        {
            var revision = await configuration.ApplyAsync(source, SilentReporter.Instance, cancellationToken);
            last.Content = null;
            logger.LogInformation("Applied {Folder} as revision {Revision}", folder, revision);
        }
        catch (OperationException refused) when (refused.Kind == OperationErrorKind.Invalid)
        {
            var content = string.Join('\n', source.Files.Select(f => $"{f.Path}\n{f.Content}"));
            if (last.Content == content)
            {
                return;
            }

            last.Content = content;
            var message = $"{folder} changed into a configuration with errors; nothing was applied: {refused.Message}"
                + string.Concat(refused.Details.Select(d => $"\n  {d}"));
            events.Append("watch-rejected", null, null, message);
            logger.LogWarning("{Message}", message);
            alerts?.Signal(new AlertSignal(SignalKind.ConfigurationRejected, folder, string.Empty, null, null, message));
        }
    }

    /// <summary>The content last refused, so the same errors are told once, not at every save.</summary>
    private sealed class LastRejection
    {
        public string? Content { get; set; }
    }
}
