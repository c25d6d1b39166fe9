namespace Matcher.Fingerprint.Extraction;

/// <summary>An image of <see cref="Width"/> x <see cref="Height"/> pixels cut into square blocks, the last ones partial.</summary>
internal readonly record struct BlockGrid(int Width, int Height)
{
    public const int BlockSize = ExtractionParameters.BlockSize;

    public int Columns => (Width + BlockSize - 1) / BlockSize;

    public int Rows => (Height + BlockSize - 1) / BlockSize;

    public int BlockCount => Columns * Rows;

    public int PixelCount => Width * Height;

    public int BlockOf(int x, int y) => y / BlockSize * Columns + x / BlockSize;
}
