namespace Sky.Contracts;

/// <summary>One source as a revision holds it: its name, the folder its relative paths are read against, its files, and the entries <c>sky service rm</c> took out of it.</summary>
public sealed record RevisionSourceView(string Name, string? Folder, IReadOnlyList<FileContent> Files, IReadOnlyList<string> Removed);
