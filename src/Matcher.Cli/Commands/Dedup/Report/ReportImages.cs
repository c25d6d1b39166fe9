using System.Runtime.InteropServices;
using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;
using SkiaSharp;

namespace Matcher.Cli.Commands.Dedup.Report;

/// <summary>
/// The pictures of the report. A finger comparison is one PNG (lossless, so ridge detail is exactly the scan's): the
/// two prints side by side at 500 dpi, every minutia as a small grey mark, each paired minutia in its pair's own colour
/// on both prints with its direction, and a line of that colour linking the two. A face is re-encoded as JPEG, at most
/// <see cref="MaxFaceSide"/> pixels on its longer side: what a reviewer needs to see, without the file's metadata.
/// </summary>
internal static class ReportImages
{
    private const int Gap = 32;
    private const int MaxFaceSide = 480;
    private const int FaceJpegQuality = 90;

    /// <summary>The largest print the extractor accepts (10 cm at 500 dpi); a template claiming a larger frame is drawn within this.</summary>
    private const int MaxPrintSide = 2000;
    private const float PairRadius = 7;
    private const float MinutiaRadius = 3.5f;
    private const float PairTick = 16;
    private const float MinutiaTick = 8;

    public static byte[] FingerComparison(FingerSample left, FingerSample right, MatchExplanation explanation)
    {
        var (leftWidth, leftHeight) = Frame(left);
        var (rightWidth, rightHeight) = Frame(right);
        var rightOffset = leftWidth + Gap;
        using var surface = SKSurface.Create(new SKImageInfo(rightOffset + rightWidth, Math.Max(leftHeight, rightHeight), SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not make a drawing surface for two prints.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        DrawPrint(canvas, left.Image, 0);
        DrawPrint(canvas, right.Image, rightOffset);
        using var unpaired = Stroke(new SKColor(90, 90, 110, 170), 1.2f);
        foreach (var minutia in left.Template!.Minutiae)
        {
            DrawMinutia(canvas, minutia, 0, MinutiaRadius, MinutiaTick, unpaired);
        }
        foreach (var minutia in right.Template!.Minutiae)
        {
            DrawMinutia(canvas, minutia, rightOffset, MinutiaRadius, MinutiaTick, unpaired);
        }
        for (var i = 0; i < explanation.Pairs.Count; i++)
        {
            var pair = explanation.Pairs[i];
            var colour = PairColour(i);
            var probe = left.Template.Minutiae[pair.ProbeIndex];
            var candidate = right.Template.Minutiae[pair.CandidateIndex];
            using var link = Stroke(colour.WithAlpha(140), 1.4f);
            canvas.DrawLine(probe.X, probe.Y, rightOffset + candidate.X, candidate.Y, link);
            using var mark = Stroke(colour, 2.4f);
            DrawMinutia(canvas, probe, 0, PairRadius, PairTick, mark);
            DrawMinutia(canvas, candidate, rightOffset, PairRadius, PairTick, mark);
        }
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    public static byte[] Face(RgbImage image)
    {
        var scale = Math.Min(1.0, (double)MaxFaceSide / Math.Max(image.Width, image.Height));
        var shown = scale < 1
            ? Resampling.Resize(image, Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)))
            : image;
        using var bitmap = new SKBitmap(new SKImageInfo(shown.Width, shown.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = new byte[shown.Width * 4];
        var pixels = bitmap.GetPixels();
        for (var y = 0; y < shown.Height; y++)
        {
            for (var x = 0; x < shown.Width; x++)
            {
                var source = (y * shown.Width + x) * 3;
                rgba[x * 4] = shown.Pixels[source];
                rgba[x * 4 + 1] = shown.Pixels[source + 1];
                rgba[x * 4 + 2] = shown.Pixels[source + 2];
                rgba[x * 4 + 3] = 255;
            }
            Marshal.Copy(rgba, 0, pixels + y * bitmap.RowBytes, rgba.Length);
        }
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, FaceJpegQuality);
        return encoded.ToArray();
    }

    /// <summary>The print's size at 500 dpi; a template without an image gets its own frame, drawn on white.</summary>
    private static (int Width, int Height) Frame(FingerSample sample)
    {
        var (width, height) = sample.Image is { } image ? (image.Width, image.Height) : (sample.Template!.Width, sample.Template.Height);
        return (Math.Clamp(width, 1, MaxPrintSide), Math.Clamp(height, 1, MaxPrintSide));
    }

    private static void DrawPrint(SKCanvas canvas, GrayImage? image, int offset)
    {
        if (image is null)
        {
            return;
        }
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixels();
        for (var y = 0; y < image.Height; y++)
        {
            Marshal.Copy(image.Pixels, y * image.Width, pixels + y * bitmap.RowBytes, image.Width);
        }
        canvas.DrawBitmap(bitmap, offset, 0);
    }

    /// <summary>A circle on the minutia and a line along its direction (counter-clockwise from +x as seen, y pointing down).</summary>
    private static void DrawMinutia(SKCanvas canvas, Minutia minutia, int offset, float radius, float tick, SKPaint paint)
    {
        var x = offset + minutia.X;
        var y = (float)minutia.Y;
        canvas.DrawCircle(x, y, radius, paint);
        var length = radius + tick;
        canvas.DrawLine(x + radius * MathF.Cos(minutia.Direction), y - radius * MathF.Sin(minutia.Direction),
            x + length * MathF.Cos(minutia.Direction), y - length * MathF.Sin(minutia.Direction), paint);
    }

    /// <summary>Hues a golden angle apart, so neighbouring pairs never share a colour however many there are.</summary>
    private static SKColor PairColour(int index) => SKColor.FromHsl(index * 137.508f % 360, 95, 45);

    private static SKPaint Stroke(SKColor colour, float width) =>
        new() { Color = colour, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
}
