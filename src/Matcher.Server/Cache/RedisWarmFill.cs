using System.Collections.Concurrent;
using System.Diagnostics;
using Matcher.Gallery.Subjects;
using Matcher.Server.Subjects;
using Matcher.Storage.Redis;

namespace Matcher.Server.Cache;

/// <summary>
/// Fills an empty store from Redis: a reader task streams and decodes the cached subjects while the caller's thread
/// puts them into the shards and writes them as the snapshot that starts the local log, so reading, decoding and
/// writing overlap and only a bounded window of subjects is in flight. Entries that do not decode, or whose bytes name
/// another subject than their key, are skipped and counted (never logged: they hold biometric data).
/// </summary>
internal sealed class RedisWarmFill(SubjectStore store)
{
    private const int InFlight = 8192;

    /// <exception cref="IOException">Redis failed part-way; nothing was written, the data directory stays empty.</exception>
    public async Task<WarmFillResult> RunAsync(RedisCache redis, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var decoded = new BlockingCollection<(SubjectRecord Record, ReadOnlyMemory<byte> Payload)>(InFlight);
        long skipped = 0, bytes = 0;
        Exception? failure = null;
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var cached in redis.ReadAllAsync(stop.Token))
                {
                    bytes += cached.Payload.Length;
                    if (TryDecode(cached) is { } record)
                    {
                        decoded.Add((record, cached.Payload), stop.Token);
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                decoded.CompleteAdding();
            }
        }, stop.Token);

        // Failing inside the enumeration stops the snapshot before it is renamed into place: a partial copy of Redis
        // must never become the local log, which would then count as the truth.
        IEnumerable<(SubjectRecord, ReadOnlyMemory<byte>)> Drain()
        {
            foreach (var subject in decoded.GetConsumingEnumerable(cancellation))
            {
                yield return subject;
            }
            if (failure is not null)
            {
                throw new IOException($"Reading the warm cache from Redis failed part-way: {failure.Message}", failure);
            }
        }

        long written;
        try
        {
            written = await Task.Run(() => store.FillEmpty(Drain()), cancellation);
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
        return new WarmFillResult(written, skipped, bytes, clock.Elapsed);
    }

    private static SubjectRecord? TryDecode(StoredSubject cached)
    {
        try
        {
            var record = SubjectRecordCodec.Decode(cached.Payload.Span);
            return record.Key == new SubjectKey(cached.Gallery, cached.SubjectId) ? record : null;
        }
        catch (Exception e) when (e is InvalidDataException or Core.Errors.BiometricInputException)
        {
            return null;
        }
    }
}
