using System.Reflection;
using Matcher.Core.Errors;

namespace Matcher.Cli;

/// <summary>Finds the command named by the first words of the command line and runs it.</summary>
internal static class CommandDispatcher
{
    /// <summary>Options that take no value, shared by every command.</summary>
    private static readonly HashSet<string> FlagNames = new(StringComparer.Ordinal) { "json", "help", "verbose" };

    public static IReadOnlyList<ICliCommand> Commands { get; } = DiscoverCommands();

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp(output);
            return args.Length == 0 ? 2 : 0;
        }
        var command = Commands
            .Where(c => StartsWithWords(args, c.Name))
            .OrderByDescending(c => c.Name.Split(' ').Length)
            .FirstOrDefault();
        if (command is null)
        {
            error.WriteLine($"Unknown command '{string.Join(' ', args.Take(2))}'. Run 'matcher help' for the list.");
            return 2;
        }
        var rest = args.Skip(command.Name.Split(' ').Length).ToArray();
        try
        {
            var arguments = new CliArguments(rest, FlagNames);
            var exitCode = command.Run(arguments, output);
            var unknown = arguments.UnreadOptions.ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine($"Warning: option(s) ignored by '{command.Name}': {string.Join(", ", unknown.Select(o => "--" + o))}.");
            }
            return exitCode;
        }
        catch (CliUsageException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine($"Usage: matcher {command.Usage}");
            return 2;
        }
        catch (CliFailureException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (BiometricInputException e)
        {
            error.WriteLine($"{e.ReasonCode}: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private static bool StartsWithWords(string[] args, string name)
    {
        var words = name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => args[i] == w).All(equal => equal);
    }

    private static void PrintHelp(TextWriter output)
    {
        output.WriteLine("matcher: biometric extraction, comparison and evaluation. Commands:");
        foreach (var command in Commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"  matcher {command.Usage}");
        }
    }

    private static List<ICliCommand> DiscoverCommands() =>
        typeof(CommandDispatcher).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(t => (ICliCommand)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();
}
