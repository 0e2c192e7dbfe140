using Sky.Model;

namespace Sky.Alerts;

/// <summary>
/// One signal about a service instance (or a job, whose instance is its name). <see cref="Container"/> says which
/// container when there are several; <see cref="Maintainer"/> is who gets the e-mail (none: webhooks only).
/// <see cref="Notify"/> matters for <see cref="SignalKind.JobCompleted"/> only: the job's <c>notify-on-completion</c>;
/// <see cref="Rule"/> for metric rules only: the rule as written, which tells one rule's incident from another's.
/// </summary>
public sealed record AlertSignal(
    SignalKind Kind,
    string Service,
    string Instance,
    string? Container,
    Maintainer? Maintainer,
    string Message,
    bool Notify = false,
    string? Rule = null);
