using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Matcher.Cli.CommandLine;

/// <summary>
/// The generated help of System.CommandLine; the root page adds the exit codes that scripts depend on.
/// </summary>
internal sealed class MatcherHelpAction(int maxWidth) : SynchronousCommandLineAction
{
    private static readonly (string Code, string Meaning)[] ExitCodes =
    [
        ("0", "done"),
        ("1", "a refusal or an unreachable service, printed as '<status> <reason>: <message>'"),
        ("2", "a command-line mistake"),
        ("3", "the answer is no: duplicate found, no match, cache differs"),
    ];

    private readonly HelpAction _generated = new() { MaxWidth = maxWidth };

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = _generated.Invoke(parseResult);
        if (!parseResult.CommandResult.Command.Parents.Any())
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Run 'matcher <command> --help' or 'matcher help <command>' for a command's arguments and options.");
            output.WriteLine();
            output.WriteLine("Exit codes:");
            foreach (var (code, meaning) in ExitCodes)
            {
                output.WriteLine($"  {code}  {meaning}");
            }
        }
        return exitCode;
    }
}
