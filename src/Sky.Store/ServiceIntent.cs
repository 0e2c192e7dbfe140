namespace Sky.Store;

/// <summary>Whether someone asked for an instance of a service to run (start) or not (stop).</summary>
public sealed record ServiceIntent(string Service, string Instance, bool Running);
