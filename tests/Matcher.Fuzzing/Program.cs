using System.CommandLine;
using Matcher.Fuzzing;

// matcher-fuzz: the SharpFuzz harnesses. scripts/fuzz.sh publishes this program, instruments the Matcher assemblies
// beside it and runs afl-fuzz on it; the other commands make the seed corpus and replay inputs without AFL.
var targetArgument = new Argument<string>("target") { Description = "what to fuzz: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)) };
var directoryArgument = new Argument<DirectoryInfo>("directory") { Description = "where the seed inputs are written" };
var inputsArgument = new Argument<FileSystemInfo[]>("inputs") { Description = "input files, or folders of them", Arity = ArgumentArity.OneOrMore };

var run = new Command("run", "Serve AFL: read each input it sends and report unexpected exceptions as crashes.") { targetArgument };
run.SetAction(parsed => WithTarget(parsed.GetValue(targetArgument)!, target =>
{
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.ToArray());
    });
    return 0;
}));

var seed = new Command("seed", "Write the target's seed inputs, each checked to be accepted.") { targetArgument, directoryArgument };
seed.SetAction(parsed => WithTarget(parsed.GetValue(targetArgument)!, target =>
{
    var directory = parsed.GetValue(directoryArgument)!;
    directory.Create();
    foreach (var (name, bytes) in target.Seeds())
    {
        if (target.Run(bytes) != FuzzOutcome.Accepted)
        {
            Console.Error.WriteLine($"seed '{name}' of {target.Name} is refused by the reader it should start from");
            return 1;
        }
        File.WriteAllBytes(Path.Combine(directory.FullName, name), bytes);
    }
    return 0;
}));

var replay = new Command("replay", "Run inputs (for example AFL's crashes) through the target and print what each did.") { targetArgument, inputsArgument };
replay.SetAction(parsed => WithTarget(parsed.GetValue(targetArgument)!, target =>
{
    var findings = 0;
    foreach (var file in InputFiles(parsed.GetValue(inputsArgument)!))
    {
        try
        {
            Console.WriteLine($"{file.Name}: {target.Run(File.ReadAllBytes(file.FullName)).ToString().ToLowerInvariant()}");
        }
        catch (Exception e)
        {
            findings++;
            Console.WriteLine($"{file.Name}: FINDING {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }
    return findings == 0 ? 0 : 1;
}));

var list = new Command("list", "List the targets.");
list.SetAction(_ =>
{
    foreach (var target in FuzzTargets.All)
    {
        Console.WriteLine($"{target.Name,-16} {target.Description}");
    }
    return 0;
});

var root = new RootCommand("SharpFuzz harnesses for Matcher's readers of untrusted and stored bytes.") { run, seed, replay, list };
return root.Parse(args).Invoke();

static int WithTarget(string name, Func<FuzzTarget, int> action)
{
    if (FuzzTargets.Find(name) is { } target)
    {
        return action(target);
    }
    Console.Error.WriteLine($"Unknown target '{name}'; the targets are: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}.");
    return 2;
}

static IEnumerable<FileInfo> InputFiles(IEnumerable<FileSystemInfo> inputs) => inputs.SelectMany<FileSystemInfo, FileInfo>(input => input switch
{
    DirectoryInfo directory => directory.EnumerateFiles().Where(f => !f.Name.StartsWith("README", StringComparison.Ordinal)).OrderBy(f => f.Name, StringComparer.Ordinal),
    FileInfo file => [file],
    _ => [],
});
