using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;
using Matcher.Security.Audit;
using Matcher.Storage.Lines;

namespace Matcher.Cli.Commands.Audit;

/// <summary>
/// `matcher audit verify`: checks the chain of keyed hashes of an audit log, by asking the service (auditor role) or,
/// with --file, on a copy with the audit keys at hand, trusting no server. Prints the head (last intact record and its
/// hash) to note for the next check; exit code 1 when the chain is broken.
/// </summary>
internal sealed class AuditVerifyCommand : ICliCommand
{
    private readonly Option<string?> _file = new("--file")
    {
        Description = "Verify this copy of an audit log here instead of asking the service; needs --audit-key.",
        HelpName = "FILE",
    };
    private readonly Option<IReadOnlyList<string>> _keyFiles = CliValues.Repeated("--audit-key", "FILE",
        "An audit key (base64 text) the log was written with; repeat it for the keys of earlier rotations.", text => text);
    private readonly ConnectionOptions _connection = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    public string Name => "audit verify";

    public string Description => "Check that no audit record was edited, inserted, reordered or removed (service or a copy).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_file, _keyFiles, .. _connection.All, _json];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var result = parsed.GetValue(_file) is { } file ? VerifyCopy(file, parsed.GetValue(_keyFiles) ?? []) : AskService(parsed);

        if (parsed.GetValue(_json))
        {
            ServiceOutput.WriteJson(context.Output, result);
        }
        else if (result.Intact)
        {
            context.Output.WriteLine($"Audit log intact: {result.IntactRecords} record(s); head hash {result.HeadHash}.");
        }
        else
        {
            context.Output.WriteLine($"Audit log BROKEN at line {result.BrokenLine}: {result.Problem}");
            context.Output.WriteLine($"The {result.IntactRecords} record(s) before it are intact; their head hash is {result.HeadHash}.");
        }
        return result.Intact ? 0 : 1;
    }

    private VerifyAuditResponse AskService(ParseResult parsed)
    {
        using var connection = _connection.Open(parsed);
        return connection.Call(options => connection.Audit.VerifyAudit(new VerifyAuditRequest(), options));
    }

    private static VerifyAuditResponse VerifyCopy(string file, IReadOnlyList<string> keyFiles)
    {
        if (keyFiles.Count == 0)
        {
            throw new CliUsageException("--file needs the audit key it was written with: give --audit-key.");
        }
        if (!File.Exists(file))
        {
            throw new CliUsageException($"--file '{file}' does not exist.");
        }
        List<AuditKey> keys;
        try
        {
            keys = keyFiles.Select(AuditKey.Load).ToList();
        }
        catch (InvalidDataException e)
        {
            throw new CliUsageException(e.Message);
        }
        var verification = AuditChain.Verify(DurableLineFile.ReadLines(file), keys);
        return new VerifyAuditResponse
        {
            Intact = verification.IsIntact,
            IntactRecords = (ulong)verification.IntactRecords,
            HeadHash = verification.HeadHash,
            BrokenLine = (ulong)(verification.Break?.Line ?? 0),
            BrokenSequence = (ulong)Math.Max(0, verification.Break?.Sequence ?? 0),
            Problem = verification.Break?.Problem ?? "",
        };
    }
}
