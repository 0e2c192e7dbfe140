using System.Text.Json.Serialization;

namespace Sky.Store;

/// <summary>
/// The JSON columns of revisions (their content, a change's details) from the source generator, so that reading and
/// writing them needs no reflection (native AOT has none). Default options, the shape the rows already hold: PascalCase.
/// </summary>
[JsonSerializable(typeof(RevisionContent))]
[JsonSerializable(typeof(List<StoredFile>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class RevisionJsonContext : JsonSerializerContext;
