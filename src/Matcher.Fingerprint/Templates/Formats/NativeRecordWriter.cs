namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Writes the native template format (layout in <see cref="NativeLayout"/>).</summary>
internal static class NativeRecordWriter
{
    public static byte[] Write(IReadOnlyList<FingerprintView> views)
    {
        TemplateValidation.CheckForExport(views, ushort.MaxValue);
        foreach (var view in views)
        {
            if (view.Template.Width > ushort.MaxValue || view.Template.Height > ushort.MaxValue)
            {
                throw new ArgumentException($"A native template frame is at most {ushort.MaxValue} pixels wide and high.", nameof(views));
            }
        }
        var record = new byte[NativeLayout.RecordLength(views)];
        var writer = new RecordWriter(record);
        writer.Write(NativeLayout.Magic);
        writer.WriteByte(NativeLayout.Version);
        writer.WriteUInt16LittleEndian((ushort)record.Length);
        writer.WriteByte((byte)views.Count);
        foreach (var view in views)
        {
            WriteView(ref writer, view);
        }
        writer.WriteUInt32LittleEndian(Crc32C.Compute(record.AsSpan(0, writer.Position)));
        return record;
    }

    private static void WriteView(ref RecordWriter writer, FingerprintView view)
    {
        var template = view.Template;
        writer.WriteByte((byte)view.FingerPosition);
        writer.WriteByte((byte)((view.ViewNumber << 4) | view.ImpressionType));
        writer.WriteByte(template.SampleQuality);
        writer.WriteUInt16LittleEndian((ushort)template.Width);
        writer.WriteUInt16LittleEndian((ushort)template.Height);
        writer.WriteByte((byte)template.Minutiae.Count);
        foreach (var minutia in template.Minutiae)
        {
            var direction = DirectionUnits.FromRadians(minutia.Direction, DirectionUnits.GridStepsPerTurn);
            writer.WriteUInt16LittleEndian((ushort)minutia.X);
            writer.WriteUInt16LittleEndian((ushort)minutia.Y);
            writer.WriteUInt16LittleEndian((ushort)(((int)minutia.Type << NativeLayout.DirectionBits) | direction));
            writer.WriteByte(minutia.Quality);
        }
    }
}
