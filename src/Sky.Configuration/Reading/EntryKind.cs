namespace Sky.Configuration.Reading;

/// <summary>What a mapping of keys describes; decides which keys it may have.</summary>
internal enum EntryKind
{
    Service,
    Job,
    Instance,
}
