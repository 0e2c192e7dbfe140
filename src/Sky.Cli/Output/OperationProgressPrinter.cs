using Sky.Contracts;

namespace Sky.Cli.Output;

/// <summary>
/// Prints an operation's progress as <c>Starting my-application-production.. DONE</c>, one line per container in the
/// plan's display order, each as soon as it and every line before it are settled; steps run in parallel in the daemon.
/// In JSON mode it prints nothing until the end, then the whole outcome. Warnings go to <paramref name="warnings"/>
/// (stderr) as they come, in either mode, and are in the JSON outcome as well.
/// </summary>
public sealed class OperationProgressPrinter(TextWriter output, OutputFormat format, TextWriter? warnings = null)
{
    private readonly List<PlanStepView> steps = [];
    private readonly List<string> warned = [];
    private readonly List<string> changed = [];
    private readonly Dictionary<int, StreamMessage> settled = [];
    private readonly HashSet<int> announcedWaits = [];
    private int cursor;
    private long? rollbackRevision;

    public bool? Ok { get; private set; }

    public long? Revision { get; private set; }

    /// <summary>How a deploy's rollout ended (<c>healthy</c>, <c>rolled-back</c>, <c>failed</c>), when it was waited for.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Why a deploy's rollout failed, a line per instance.</summary>
    public IReadOnlyList<string> RolloutDetails { get; private set; } = [];

    /// <summary>Takes the whole stream; returns the exit code.</summary>
    public async Task<int> RunAsync(IAsyncEnumerable<StreamMessage> messages)
    {
        await foreach (var message in messages)
        {
            Handle(message);
        }

        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(output, new OperationJson(
                Ok == true,
                Revision,
                Outcome,
                rollbackRevision,
                RolloutDetails,
                changed,
                warned,
                steps.Select(s => new OperationStepJson(
                    s.Target,
                    s.Action,
                    settled.TryGetValue(s.Id, out var m) ? m.Status : "pending",
                    settled.TryGetValue(s.Id, out var n) ? n.Message : null)).ToList()));
        }

        if (Ok is null)
        {
            throw new CliException(ExitCodes.Failed, "the daemon ended the operation without a result (did it stop?)");
        }

        return Ok == true ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private void Handle(StreamMessage message)
    {
        switch (message.Type)
        {
            case "plan":
                steps.AddRange(message.Steps ?? []);
                break;
            case "progress" when message.Id is int id:
                if (message.Status is "done" or "unchanged" or "failed" or "skipped")
                {
                    settled[id] = message;
                }
                else if (message.Status == "waiting" && format == OutputFormat.Table && announcedWaits.Add(id))
                {
                    output.WriteLine($"Waiting: {message.Message}");
                }

                break;
            case "change" when message.Message is { } change:
                changed.Add(change);
                if (format == OutputFormat.Table)
                {
                    output.WriteLine(char.ToUpperInvariant(change[0]) + change[1..]);
                }

                break;
            case "warning" when message.Message is { } warning:
                warned.Add(warning);
                warnings?.WriteLine($"warning: {warning}");
                break;
            case "rollout" when message.Message is { } rollout:
                if (format == OutputFormat.Table)
                {
                    output.WriteLine(char.ToUpperInvariant(rollout[0]) + rollout[1..]);
                }

                break;
            case "result":
                Ok = message.Ok;
                Revision = message.Revision;
                Outcome = message.Outcome;
                rollbackRevision = message.RollbackRevision;
                RolloutDetails = message.Details ?? [];
                break;
            case "error":
                throw new CliException(ExitCodes.Failed, message.Error ?? "the operation failed", message.Details);
            default:
                break;
        }

        PrintSettled();
    }

    private void PrintSettled()
    {
        while (cursor < steps.Count && settled.TryGetValue(steps[cursor].Id, out var outcome))
        {
            var step = steps[cursor++];
            if (format == OutputFormat.Json || (!step.Container && outcome.Status is "done" or "unchanged"))
            {
                continue;
            }

            output.WriteLine(outcome.Status switch
            {
                "done" => $"{step.Verb} {step.Target}.. DONE",
                "unchanged" => $"{step.Target}.. {(step.Action == "AlreadyStopped" ? "already stopped" : "already running")}",
                "skipped" => $"{step.Verb} {step.Target}.. SKIPPED ({outcome.Message})",
                _ => $"{step.Verb} {step.Target}.. FAILED: {outcome.Message}",
            });
        }
    }
}
