namespace Matcher.Population.Files;

/// <summary>
/// The byte layout of a population file (docs/population-format.md), little-endian throughout:
/// header (magic, version, seed, subject count, embedding dimension, face model id, CRC-32 of the header), then one
/// record per subject (payload length, payload, CRC-32 of length and payload), then an end marker, so that a file cut
/// exactly between two records is still told apart from a complete one.
/// </summary>
internal static class PopulationFileLayout
{
    public const ushort Version = 1;

    public const int ChecksumBytes = sizeof(uint);

    public const int LengthBytes = sizeof(uint);

    /// <summary>Magic, version, reserved flags, seed, subject count, embedding dimension, model id length.</summary>
    public const int FixedHeaderBytes = 4 + 2 + 2 + 8 + 8 + 4 + 2;

    public const int MaxSubjectIdBytes = 1024;

    public const int MaxModelIdBytes = 1024;

    public const int MaxFingers = 10;

    public const int MaxTemplateBytes = ushort.MaxValue;

    /// <summary>Larger than any real face model's output, small enough that a damaged header cannot ask for gigabytes.</summary>
    public const int MaxEmbeddingDimension = 8192;

    public static ReadOnlySpan<byte> Magic => "MPOP"u8;

    public static ReadOnlySpan<byte> EndMarker => "MEND"u8;

    /// <summary>The largest payload a record of a file with this embedding dimension can have: a bound for readers.</summary>
    public static int MaxPayloadBytes(int embeddingDimension) =>
        2 + MaxSubjectIdBytes + 1 + (MaxFingers * (1 + 2 + MaxTemplateBytes)) + 1 + (embeddingDimension * sizeof(float));
}
