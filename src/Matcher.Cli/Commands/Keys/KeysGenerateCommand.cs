using System.CommandLine;
using Matcher.Sealing.Keys;

namespace Matcher.Cli.Commands.Keys;

/// <summary>`matcher keys generate -o FILE`: a new random master key for encryption at rest, in a file only its owner can read.</summary>
internal sealed class KeysGenerateCommand : ICliCommand
{
    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "The key file to write (base64 text; created readable by its owner only; never overwritten).",
        HelpName = "FILE",
        Required = true,
    };

    public string Name => "keys generate";

    public string Description => "Write a new random master key for encryption at rest (Matcher:Security:Encryption:MasterKeyFile).";

    public IReadOnlyList<Argument> Arguments => [];

    public IReadOnlyList<Option> Options => [_output];

    public int Run(ParseResult parsed, CommandContext context)
    {
        var path = parsed.GetValue(_output)!;
        if (File.Exists(path))
        {
            throw new CliUsageException($"--output '{path}' already exists; a key file is never overwritten (its data would be lost). Choose a new name.");
        }
        MasterKey key;
        try
        {
            key = MasterKey.WriteNew(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"Cannot write the key file '{path}': {e.Message}");
        }
        context.Output.WriteLine($"Master key {key.Fingerprint} written to {path} (readable by its owner only). Keep a copy apart from the data: without it the data cannot be read.");
        return 0;
    }
}
