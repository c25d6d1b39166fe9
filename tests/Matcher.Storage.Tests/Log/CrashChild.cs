using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Matcher.Storage.Log;
using Matcher.Testing;

namespace Matcher.Storage.Tests.Log;

/// <summary>
/// The other half of <see cref="ProcessKillTests"/>: when this test executable is started with
/// <see cref="DirectoryVariable"/> set, it appends from several writers and prints each acknowledged sequence until it
/// is killed. A module initializer runs before xunit's generated entry point, so no separate project is needed.
/// </summary>
internal static class CrashChild
{
    public const string DirectoryVariable = "MATCHER_STORAGE_CRASH_CHILD_DIRECTORY";
    public const int Writers = 8;

#pragma warning disable CA2255 // Deliberate: the test executable doubles as the process that gets killed.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunWhenStartedAsChild()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (directory is null)
        {
            return;
        }
        AppendUntilKilled(directory);
    }

    /// <summary>Payload of a writer's n-th record; the parent recomputes it to check what survived.</summary>
    public static byte[] Payload(int writer, int index)
    {
        var payload = new byte[64];
        new Random(writer * 100_003 + index).NextBytes(payload);
        BinaryPrimitives.WriteInt32LittleEndian(payload, writer);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(4), index);
        return payload;
    }

    /// <summary>
    /// Runs entirely on the initializing thread: code of this module on any other thread would wait for the module
    /// initializer to finish, which never happens. The log's own continuations live in Matcher.Storage, so rounds of
    /// <see cref="Writers"/> concurrent appends still share group commits.
    /// </summary>
    private static void AppendUntilKilled(string directory)
    {
        var log = DurableLog.Open(new DurableLogOptions { DataDirectory = directory, SegmentSizeLimit = 64 << 10 }, new RecordingTarget());
        for (var index = 0; ; index++)
        {
            var round = new Task<long>[Writers];
            for (var writer = 0; writer < Writers; writer++)
            {
                round[writer] = log.AppendAsync((byte)writer, Payload(writer, index));
            }
            Task.WaitAll(round);
            for (var writer = 0; writer < Writers; writer++)
            {
                Console.Out.WriteLine($"{round[writer].Result} {writer} {index}");
            }
            Console.Out.Flush();
        }
    }
}
