using System.Text.Json.Serialization;

namespace Sky.Scheduler.Arming;

/// <summary><see cref="ArmKey"/>'s JSON metadata from the source generator, so that writing it needs no reflection (native AOT has none).</summary>
[JsonSerializable(typeof(ArmKey))]
internal sealed partial class ArmKeyJsonContext : JsonSerializerContext;
