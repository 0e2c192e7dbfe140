namespace Sky.Contracts;

/// <summary>A plan step as the CLI shows it: <c>Starting my-application-production</c>.</summary>
public sealed record PlanStepView(int Id, string Action, string Verb, string Target, bool Container, string Reason);
