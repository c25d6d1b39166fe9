namespace Matcher.Imaging.Wsq;

/// <summary>
/// The symbols of Table A.2, which code the quantiser indices of the transmitted subbands as one stream:
/// 1-100 a run of that many zeros; 101/102 a positive/negative index in the next 8 bits; 103/104 the same in 16 bits;
/// 105/106 a run of zeros whose length is in the next 8/16 bits; 107-254 the index symbol - 180 (-73 to 74).
/// </summary>
internal static class CoefficientSymbols
{
    public const int MaxShortRun = 100;
    public const int PositiveByte = 101;
    public const int NegativeByte = 102;
    public const int PositiveWord = 103;
    public const int NegativeWord = 104;
    public const int RunByte = 105;
    public const int RunWord = 106;
    public const int FirstDirect = 107;
    public const int LastDirect = 254;
    public const int DirectZero = 180;

    public const int MinDirectIndex = FirstDirect - DirectZero;
    public const int MaxDirectIndex = LastDirect - DirectZero;
}
