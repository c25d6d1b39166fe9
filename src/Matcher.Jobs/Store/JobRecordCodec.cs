using System.Text;
using Matcher.Core.Modalities;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Results;

namespace Matcher.Jobs.Store;

/// <summary>
/// The binary forms of the job log's records. Every record starts with the job id; strings are length-prefixed UTF-8,
/// times Unix milliseconds, scores float64. Pairs hold ids and scores only, never biometric data.
/// </summary>
internal static class JobRecordCodec
{
    public const byte Created = 1;
    public const byte Started = 2;
    public const byte Pairs = 3;
    public const byte Progress = 4;
    public const byte StateChanged = 5;

    public static byte[] EncodeCreated(DedupJobDefinition definition) => Write(definition.JobId, writer =>
    {
        writer.Write(definition.Gallery);
        WriteOptional(writer, definition.AgainstGallery);
        writer.Write((byte)definition.Modalities);
        writer.Write(definition.TargetFalsePositiveIdentificationRate);
        writer.Write(definition.MaxCandidatesPerSubject);
        WriteOptional(writer, definition.RequestId);
        writer.Write(definition.Label);
        writer.Write(definition.CreatedAt.ToUnixTimeMilliseconds());
    });

    public static DedupJobDefinition DecodeCreated(ReadOnlySpan<byte> payload) => Read(payload, (jobId, reader) => new DedupJobDefinition(
        jobId,
        new DedupJobRequest(reader.ReadString(), ReadOptional(reader), (JobModalities)reader.ReadByte(), reader.ReadDouble(), reader.ReadInt32(),
            ReadOptional(reader), reader.ReadString()),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64())));

    public static byte[] EncodeStarted(string jobId, StartedRecord started) => Write(jobId, writer =>
    {
        writer.Write(started.GalleryAsOf.ToUnixTimeMilliseconds());
        writer.Write(started.StartedAt.ToUnixTimeMilliseconds());
        writer.Write(started.SubjectsTotal);
        writer.Write(started.SearchedGallerySize);
        writer.Write(started.Threshold);
    });

    public static (string JobId, StartedRecord Started) DecodeStarted(ReadOnlySpan<byte> payload) => Read(payload, (jobId, reader) =>
        (jobId, new StartedRecord(
            DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()),
            reader.ReadInt64(),
            reader.ReadInt64(),
            reader.ReadDouble())));

    public static byte[] EncodePairs(string jobId, IReadOnlyList<DedupPair> pairs) => Write(jobId, writer =>
    {
        writer.Write(pairs.Count);
        foreach (var pair in pairs)
        {
            WriteKey(writer, pair.Subject);
            WriteCandidate(writer, pair.Scores);
        }
    });

    public static (string JobId, IReadOnlyList<DedupPair> Pairs) DecodePairs(ReadOnlySpan<byte> payload) => Read(payload, (jobId, reader) =>
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"Job record has a negative pair count {count}.");
        }
        var pairs = new List<DedupPair>(Math.Min(count, 4096));
        for (var i = 0; i < count; i++)
        {
            pairs.Add(new DedupPair(ReadKey(reader), ReadCandidate(reader)));
        }
        return (jobId, (IReadOnlyList<DedupPair>)pairs);
    });

    public static byte[] EncodeProgress(string jobId, ProgressRecord progress) => Write(jobId, writer =>
    {
        writer.Write(progress.Cursor);
        writer.Write(progress.SubjectsDone);
        writer.Write(progress.Comparisons);
        writer.Write(progress.DeletedSinceStart);
        writer.Write(progress.At.ToUnixTimeMilliseconds());
    });

    public static (string JobId, ProgressRecord Progress) DecodeProgress(ReadOnlySpan<byte> payload) => Read(payload, (jobId, reader) =>
        (jobId, new ProgressRecord(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()))));

    public static byte[] EncodeState(string jobId, StateRecord state) => Write(jobId, writer =>
    {
        writer.Write((byte)state.State);
        writer.Write(state.EndedAt is { } ended ? ended.ToUnixTimeMilliseconds() : long.MinValue);
        WriteOptional(writer, state.Failure);
    });

    public static (string JobId, StateRecord State) DecodeState(ReadOnlySpan<byte> payload) => Read(payload, (jobId, reader) =>
    {
        var state = (JobState)reader.ReadByte();
        if (!Enum.IsDefined(state))
        {
            throw new InvalidDataException($"Job record names an unknown state {(int)state}.");
        }
        var ended = reader.ReadInt64();
        return (jobId, new StateRecord(state, ended == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(ended), ReadOptional(reader)));
    });

    private static void WriteKey(BinaryWriter writer, SubjectKey key)
    {
        writer.Write(key.Gallery);
        writer.Write(key.SubjectId);
    }

    private static SubjectKey ReadKey(BinaryReader reader) => new(reader.ReadString(), reader.ReadString());

    private static void WriteCandidate(BinaryWriter writer, Candidate candidate)
    {
        WriteKey(writer, candidate.Key);
        writer.Write(candidate.Score);
        writer.Write(checked((byte)candidate.Modalities.Count));
        foreach (var modality in candidate.Modalities)
        {
            writer.Write((byte)modality.Modality);
            writer.Write(modality.Score);
            writer.Write(checked((byte)modality.Samples.Count));
            foreach (var sample in modality.Samples)
            {
                writer.Write(checked((byte)sample.Position));
                writer.Write(sample.Score);
            }
        }
    }

    private static Candidate ReadCandidate(BinaryReader reader)
    {
        var key = ReadKey(reader);
        var score = reader.ReadDouble();
        var modalities = new ModalityScore[reader.ReadByte()];
        for (var m = 0; m < modalities.Length; m++)
        {
            var modality = (Modality)reader.ReadByte();
            if (!Enum.IsDefined(modality))
            {
                throw new InvalidDataException($"Job record names an unknown modality {(int)modality}.");
            }
            var modalityScore = reader.ReadDouble();
            var samples = new SampleScore[reader.ReadByte()];
            for (var s = 0; s < samples.Length; s++)
            {
                samples[s] = new SampleScore(reader.ReadByte(), reader.ReadDouble());
            }
            modalities[m] = new ModalityScore(modality, modalityScore, samples);
        }
        return new Candidate(key, score, modalities);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static byte[] Write(string jobId, Action<BinaryWriter> body)
    {
        using var stream = new MemoryStream(128);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(jobId);
        body(writer);
        writer.Flush();
        return stream.ToArray();
    }

    private static T Read<T>(ReadOnlySpan<byte> payload, Func<string, BinaryReader, T> body)
    {
        using var stream = new MemoryStream(payload.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            return body(reader.ReadString(), reader);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("Job record is truncated.");
        }
    }
}

/// <summary>A job's start: the moment that fixes its galleries and the sizes that fix its threshold.</summary>
internal sealed record StartedRecord(DateTimeOffset GalleryAsOf, DateTimeOffset StartedAt, long SubjectsTotal, long SearchedGallerySize, double Threshold);

/// <summary>A checkpoint: every subject up to <see cref="Cursor"/> in id order is searched and its pairs are logged before it.</summary>
internal sealed record ProgressRecord(string Cursor, long SubjectsDone, long Comparisons, long DeletedSinceStart, DateTimeOffset At);

internal sealed record StateRecord(JobState State, DateTimeOffset? EndedAt, string? Failure);
