using System.Runtime.CompilerServices;
using Matcher.Simd.Quantization;

namespace Matcher.Simd.Scan;

/// <summary>
/// A fixed-capacity, contiguous, 64-byte-aligned block of int8 vectors with one scale per row and a tombstone bitmap.
/// Rows are padded with zeros to a multiple of 64 bytes so every row starts aligned and the scan needs no tail code.
/// One writer at a time; scans may run concurrently with each other but not with <see cref="Add(ReadOnlySpan{float})"/>.
/// </summary>
public sealed unsafe class Int8VectorBlock : IDisposable
{
    private readonly AlignedNativeMemory memory;
    private readonly float[] scales;
    private readonly ulong[] tombstones;

    public Int8VectorBlock(int dimension, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, DotProduct.MaxInt8Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        Dimension = dimension;
        Capacity = capacity;
        Stride = (dimension + AlignedNativeMemory.Alignment - 1) / AlignedNativeMemory.Alignment * AlignedNativeMemory.Alignment;
        memory = new AlignedNativeMemory(checked((nuint)Stride * (nuint)capacity));
        scales = new float[capacity];
        tombstones = new ulong[(capacity + 63) / 64];
    }

    public int Dimension { get; }

    public int Capacity { get; }

    /// <summary>Bytes from one row to the next: <see cref="Dimension"/> rounded up to a multiple of 64.</summary>
    public int Stride { get; }

    public int Count { get; private set; }

    /// <summary>Quantises a vector and appends it; returns its row number.</summary>
    public int Add(ReadOnlySpan<float> vector)
    {
        RequireDimension(vector.Length);
        var row = ReserveRow();
        scales[row] = Int8Quantizer.Quantize(vector, RowSpan(row)[..Dimension]);
        Count++;
        return row;
    }

    /// <summary>Appends already quantised codes with their scale; returns the row number.</summary>
    public int Add(ReadOnlySpan<sbyte> codes, float scale)
    {
        RequireDimension(codes.Length);
        if (!float.IsFinite(scale) || scale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "A scale must be finite and not negative.");
        }
        var row = ReserveRow();
        codes.CopyTo(RowSpan(row)[..Dimension]);
        scales[row] = scale;
        Count++;
        return row;
    }

    /// <summary>Marks a row deleted; scans skip it from now on.</summary>
    public void Delete(int row)
    {
        RequireRow(row);
        tombstones[row >> 6] |= 1UL << row;
    }

    public bool IsDeleted(int row)
    {
        RequireRow(row);
        return IsDeletedUnchecked(row);
    }

    /// <summary>Creates a query padded to this block's stride, ready for <see cref="Int8Scan"/>.</summary>
    public QuantizedQuery PrepareQuery(ReadOnlySpan<float> vector)
    {
        RequireDimension(vector.Length);
        return QuantizedQuery.Create(vector, Stride);
    }

    public ReadOnlySpan<sbyte> GetCodes(int row)
    {
        RequireRow(row);
        return RowSpan(row)[..Dimension];
    }

    public float GetScale(int row)
    {
        RequireRow(row);
        return scales[row];
    }

    public void Dispose() => memory.Dispose();

    internal float ScaleUnchecked(int row) => scales[row];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsDeletedUnchecked(int row) => (tombstones[row >> 6] & (1UL << row)) != 0;

    internal ref sbyte RowReference(int row) => ref Unsafe.AsRef<sbyte>(memory.Pointer + (nint)row * Stride);

    private Span<sbyte> RowSpan(int row) => new(memory.Pointer + (nint)row * Stride, Stride);

    private int ReserveRow()
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException($"The block is full ({Capacity} rows).");
        }
        return Count;
    }

    private void RequireDimension(int length)
    {
        if (length != Dimension)
        {
            throw new ArgumentException($"Expected a vector of {Dimension} elements, got {length}.");
        }
    }

    private void RequireRow(int row) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
}
