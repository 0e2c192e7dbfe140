namespace Sky.Contracts;

/// <summary>What <c>sky apply --dry-run</c> (or <c>sky diff</c>) found: the source, each entry it would change, the container steps it would take, the configuration's warnings.</summary>
public sealed record ApplyPreviewView(string Source, IReadOnlyList<EntryChangeView> Changes, IReadOnlyList<PlanStepView> Steps, IReadOnlyList<string> Warnings);
