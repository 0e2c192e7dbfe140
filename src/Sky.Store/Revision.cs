namespace Sky.Store;

/// <summary>
/// An applied configuration: numbered from 1, never changed afterwards. <see cref="Origin"/> says what made it (the
/// source applied, or <c>rollback of web to 7</c>), <see cref="Kind"/> how (see <see cref="RevisionKinds"/>).
/// </summary>
public sealed record Revision(long Number, DateTimeOffset CreatedAt, string Origin, string Kind, RevisionContent Content);
