using System.CommandLine;
using Matcher.Sealing;
using Matcher.Sealing.Keys;
using Matcher.Storage.Sealing;

namespace Matcher.Cli.Commands.Keys;

/// <summary>
/// `matcher keys rotate`: re-wraps the data keys of a stopped node's data directory (the subjects' log and every sealed
/// log under it, such as the job log) from the old master key to the new one. Records are not rewritten, so it takes milliseconds whatever the
/// size of the data. Redis values are sealed again from the local log at the node's next start.
/// </summary>
internal sealed class KeysRotateCommand : ICliCommand
{
    private readonly Option<string> _dataDirectory = Required("--data-directory", "DIR", "The data directory of the stopped node (Matcher:DataDirectory).");
    private readonly Option<string> _oldKey = Required("--old-key-file", "FILE", "The master key the directory is sealed with now.");
    private readonly Option<string> _newKey = Required("--new-key-file", "FILE", "The master key to seal it with from now on (matcher keys generate -o FILE).");

    public string Name => "keys rotate";

    public string Description => "Re-wrap a stopped node's data keys from the old master key to a new one, without rewriting the data.";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_dataDirectory, _oldKey, _newKey];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var directory = parsed.GetValue(_dataDirectory)!;
        if (!Directory.Exists(directory))
        {
            throw new CliUsageException($"--data-directory '{directory}' does not exist.");
        }
        try
        {
            var current = MasterKey.Load(parsed.GetValue(_oldKey)!);
            var next = MasterKey.Load(parsed.GetValue(_newKey)!);
            if (current.Fingerprint == next.Fingerprint)
            {
                throw new CliUsageException($"--old-key-file and --new-key-file hold the same master key ({current.Fingerprint}).");
            }
            foreach (var (sealedDirectory, keyId) in DirectoryKey.RotateAll(directory, current, next))
            {
                context.Output.WriteLine($"{DirectoryKey.PathIn(sealedDirectory)}: data key {keyId} re-wrapped from master key {current.Fingerprint} to {next.Fingerprint}.");
            }
        }
        catch (SealingException e)
        {
            throw new CliFailureException(e.Message);
        }
        context.Output.WriteLine("Start the node with the new master key; the old one no longer opens this directory. Redis values are sealed again at that start.");
        return 0;
    }

    private static Option<string> Required(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName, Required = true };
}
