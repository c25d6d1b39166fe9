namespace Matcher.Imaging.Wsq;

/// <summary>The two-byte markers of a WSQ file (IAFIS-IC-0110 v3.1): 0xFF followed by the code.</summary>
internal static class WsqMarker
{
    public const ushort StartOfImage = 0xFFA0;
    public const ushort EndOfImage = 0xFFA1;
    public const ushort StartOfFrame = 0xFFA2;
    public const ushort StartOfBlock = 0xFFA3;
    public const ushort TransformTable = 0xFFA4;
    public const ushort QuantizationTable = 0xFFA5;
    public const ushort HuffmanTable = 0xFFA6;
    public const ushort RestartInterval = 0xFFA7;
    public const ushort Comment = 0xFFA8;

    public static string Name(ushort marker) => marker switch
    {
        StartOfImage => "SOI (FFA0)",
        EndOfImage => "EOI (FFA1)",
        StartOfFrame => "SOF (FFA2)",
        StartOfBlock => "SOB (FFA3)",
        TransformTable => "DTT (FFA4)",
        QuantizationTable => "DQT (FFA5)",
        HuffmanTable => "DHT (FFA6)",
        RestartInterval => "DRI (FFA7)",
        Comment => "COM (FFA8)",
        >= 0xFFB0 and <= 0xFFB7 => $"RST{marker - 0xFFB0} ({marker:X4})",
        _ => $"{marker:X4}",
    };
}
