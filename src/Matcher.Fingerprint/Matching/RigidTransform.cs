namespace Matcher.Fingerprint.Matching;

/// <summary>A rotation followed by a translation that moves candidate coordinates into the probe's frame.</summary>
internal readonly record struct RigidTransform(float Cos, float Sin, float ShiftX, float ShiftY, byte Rotation, float CenterX, float CenterY)
{
    /// <summary>
    /// The transform that lays the candidate edge of <paramref name="match"/> onto its probe edge. The rotation blends the
    /// edge's own direction (precise for long edges) with both minutiae's directions (better for short ones). Byte
    /// angles and lookup tables suffice: the final transform is re-fitted by least squares anyway.
    /// </summary>
    public static RigidTransform FromEdgeMatch(CandidateView probe, CandidateView candidate, EdgeMatch match)
    {
        int px1 = probe.X[match.ProbeFrom], py1 = probe.Y[match.ProbeFrom];
        int px2 = probe.X[match.ProbeTo], py2 = probe.Y[match.ProbeTo];
        int cx1 = candidate.X[match.CandidateFrom], cy1 = candidate.Y[match.CandidateFrom];
        int cx2 = candidate.X[match.CandidateTo], cy2 = candidate.Y[match.CandidateTo];
        var edgeRotation = (byte)(ByteAngle.EdgeDirection(px2 - px1, py2 - py1) - ByteAngle.EdgeDirection(cx2 - cx1, cy2 - cy1));
        var fromOffset = (sbyte)(probe.Direction[match.ProbeFrom] - candidate.Direction[match.CandidateFrom] - edgeRotation);
        var toOffset = (sbyte)(probe.Direction[match.ProbeTo] - candidate.Direction[match.CandidateTo] - edgeRotation);
        var edgeWeight = ByteAngle.EdgeLength(px2 - px1, py2 - py1) / 16f;
        var rotation = (byte)(edgeRotation + (int)MathF.Round((fromOffset + toOffset) / (2 + edgeWeight)));
        return Create(ByteAngle.Cos[rotation], ByteAngle.Sin[rotation], rotation, (cx1 + cx2) / 2f, (cy1 + cy2) / 2f, (px1 + px2) / 2f, (py1 + py2) / 2f);
    }

    /// <summary>The least-squares rigid transform over paired points (candidate index, probe index).</summary>
    public static RigidTransform Fit(CandidateView probe, CandidateView candidate, ReadOnlySpan<int> candidateIndex, ReadOnlySpan<int> probeIndex)
    {
        float cxMean = 0, cyMean = 0, pxMean = 0, pyMean = 0;
        for (var i = 0; i < candidateIndex.Length; i++)
        {
            cxMean += candidate.X[candidateIndex[i]];
            cyMean += candidate.Y[candidateIndex[i]];
            pxMean += probe.X[probeIndex[i]];
            pyMean += probe.Y[probeIndex[i]];
        }
        var n = candidateIndex.Length;
        cxMean /= n;
        cyMean /= n;
        pxMean /= n;
        pyMean /= n;
        float dot = 0, cross = 0;
        for (var i = 0; i < n; i++)
        {
            var cx = candidate.X[candidateIndex[i]] - cxMean;
            var cy = candidate.Y[candidateIndex[i]] - cyMean;
            var px = probe.X[probeIndex[i]] - pxMean;
            var py = probe.Y[probeIndex[i]] - pyMean;
            dot += cx * px + cy * py;
            cross += cx * py - cy * px;
        }
        var rotation = MathF.Atan2(cross, dot);
        var (sin, cos) = MathF.SinCos(rotation);
        return Create(cos, sin, ByteAngle.FromRadians(rotation), cxMean, cyMean, pxMean, pyMean);
    }

    public float MapX(float x, float y) => Cos * x - Sin * y + ShiftX;

    public float MapY(float x, float y) => Sin * x + Cos * y + ShiftY;

    /// <summary>Moves every candidate minutia into the probe's frame.</summary>
    public void Apply(CandidateView candidate, Span<float> x, Span<float> y, Span<byte> direction)
    {
        for (var i = 0; i < candidate.Count; i++)
        {
            float cx = candidate.X[i], cy = candidate.Y[i];
            x[i] = Cos * cx - Sin * cy + ShiftX;
            y[i] = Sin * cx + Cos * cy + ShiftY;
            direction[i] = (byte)(candidate.Direction[i] + Rotation);
        }
    }

    /// <summary>Rotation about the candidate point (cx, cy), which lands on the probe point (px, py).</summary>
    private static RigidTransform Create(float cos, float sin, byte rotation, float cx, float cy, float px, float py)
    {
        var shiftX = px - (cos * cx - sin * cy);
        var shiftY = py - (sin * cx + cos * cy);
        return new RigidTransform(cos, sin, shiftX, shiftY, rotation, px, py);
    }
}
