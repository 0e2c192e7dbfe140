namespace Sky.Router;

/// <summary>Marks the router part: the HTTP router on YARP that sends requests for a VIRTUAL_HOST to the containers carrying it.</summary>
internal static class RouterAssembly;
