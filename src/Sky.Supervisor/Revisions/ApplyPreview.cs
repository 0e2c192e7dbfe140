using Sky.Planning;
using Sky.Store;

namespace Sky.Supervisor.Revisions;

/// <summary>What an apply would do, computed and not done: each entry it changes, the containers it would act on, the configuration's warnings.</summary>
public sealed record ApplyPreview(IReadOnlyList<RevisionChange> Changes, Plan Plan, IReadOnlyList<string> Warnings);
