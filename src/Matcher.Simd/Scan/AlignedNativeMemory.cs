using System.Runtime.InteropServices;

namespace Matcher.Simd.Scan;

/// <summary>A zeroed, 64-byte-aligned native allocation, freed exactly once even if its owner is never disposed.</summary>
internal sealed unsafe class AlignedNativeMemory : SafeHandle
{
    public const int Alignment = 64;

    public AlignedNativeMemory(nuint byteCount)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        var pointer = NativeMemory.AlignedAlloc(byteCount == 0 ? 1 : byteCount, Alignment);
        NativeMemory.Clear(pointer, byteCount);
        SetHandle((IntPtr)pointer);
        ByteCount = byteCount;
    }

    public nuint ByteCount { get; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public byte* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return (byte*)handle;
        }
    }

    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        return true;
    }
}
