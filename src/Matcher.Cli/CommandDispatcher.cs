using System.CommandLine;
using Matcher.Cli.CommandLine;
using Matcher.Core.Errors;

namespace Matcher.Cli;

/// <summary>
/// Parses the command line against every command's declared arguments and options and runs the command it names.
/// A command line the parser refuses (unknown command or option, missing or malformed value) runs nothing: its
/// mistakes go to the error output with the command's usage, exit code 2.
/// </summary>
internal static class CommandDispatcher
{
    public const int CommandLineMistake = 2;

    /// <summary>Help printed to a file or a test is wrapped at a fixed width, so it reads the same everywhere.</summary>
    private const int RedirectedHelpWidth = 120;

    /// <summary>File names are taken as they are: a path starting with @ is not a response file.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private static readonly Type[] CommandTypes = typeof(CommandDispatcher).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
        .ToArray();

    public static int Run(string[] args) => Run(args, new CommandContext(Console.Out, Console.Error, OutputIsTerminal: !Console.IsOutputRedirected));

    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, new CommandContext(output, error, OutputIsTerminal: false));

    /// <summary>A fresh instance of every command, each with its own arguments and options.</summary>
    public static IReadOnlyList<ICliCommand> CreateCommands() =>
        CommandTypes.Select(t => (ICliCommand)Activator.CreateInstance(t, nonPublic: true)!).ToList();

    private static int Run(string[] args, CommandContext context)
    {
        var root = CommandTree.Build(CreateCommands(), context, HelpWidth(context));
        root.Add(HelpCommand(context));
        var parsed = root.Parse(args, Parsing);
        if (parsed.Errors.Count > 0)
        {
            foreach (var message in Mistakes(parsed))
            {
                context.Error.WriteLine(message);
            }
            WriteUsage(parsed, context.Error);
            return CommandLineMistake;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException e)
        {
            context.Error.WriteLine(e.Message);
            WriteUsage(parsed, context.Error);
            return CommandLineMistake;
        }
        catch (CliFailureException e)
        {
            context.Error.WriteLine(e.Message);
            return 1;
        }
        catch (BiometricInputException e)
        {
            context.Error.WriteLine($"{e.ReasonCode}: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            context.Error.WriteLine(e.Message);
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            context.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>`matcher help [COMMAND...]` is the same as `matcher [COMMAND...] --help`.</summary>
    private static Command HelpCommand(CommandContext context)
    {
        var words = new Argument<string[]>("COMMAND") { Description = "The command to explain, such as: eval fingerprints.", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Show the commands, or one command's arguments and options.") { words };
        help.SetAction(parsed => Run([.. parsed.GetValue(words) ?? [], "--help"], context));
        return help;
    }

    /// <summary>
    /// The parser's messages, except under a group ("matcher", "matcher eval"): there an unknown word would be
    /// reported twice, as unrecognised and as a missing command, so it is named once as what it most likely is.
    /// </summary>
    private static IEnumerable<string> Mistakes(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        if (command.Subcommands.Count > 0 && parsed.UnmatchedTokens.Count > 0)
        {
            return parsed.UnmatchedTokens.Select(token => $"Unknown command or option '{token}' for '{UsageLine.Path(command)}'.");
        }
        return parsed.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal);
    }

    private static void WriteUsage(ParseResult parsed, TextWriter error)
    {
        var command = parsed.CommandResult.Command;
        error.WriteLine($"Usage: {UsageLine.Of(command)}");
        error.WriteLine($"Run '{UsageLine.Path(command)} --help' for every argument and option.");
    }

    private static int HelpWidth(CommandContext context) =>
        context.OutputIsTerminal && Console.WindowWidth > 0 ? Console.WindowWidth : RedirectedHelpWidth;
}
