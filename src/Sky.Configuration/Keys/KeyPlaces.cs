namespace Sky.Configuration.Keys;

/// <summary>The mappings a configuration key may stand in.</summary>
[Flags]
internal enum KeyPlaces
{
    None = 0,

    /// <summary>The top level of a service entry.</summary>
    Service = 1,

    /// <summary>One instance of a service, under <c>instances:</c>.</summary>
    Instance = 2,

    /// <summary>The top level of a recurrent job, an entry with <c>every:</c>.</summary>
    Job = 4,

    /// <summary>One item of <c>checks:</c>.</summary>
    Check = 8,

    /// <summary>The mapping of <c>router:</c>, on a service or an instance.</summary>
    Router = 16,

    /// <summary>The mapping of <c>breaker:</c>, under <c>router:</c>.</summary>
    Breaker = 32,

    /// <summary>The mapping of <c>metrics:</c>, on a service or an instance.</summary>
    Metrics = 64,

    /// <summary>One item of <c>alerts:</c>.</summary>
    AlertRule = 128,

    /// <summary>The mapping of <c>deploy:</c>, on a service or an instance.</summary>
    Deploy = 256,

    /// <summary>Every kind of entry mapping.</summary>
    Entry = Service | Instance | Job,
}
