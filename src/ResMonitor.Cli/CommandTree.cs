using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;

namespace ResMonitor.Cli;

/// <summary>
/// The words and options of `resmonitor`, described once for System.CommandLine (parsing, POSIX conventions such as
/// <c>--name=value</c>, <c>--version</c>, help per command, shell completions). The library's own messages are
/// English, so parse errors and help are written here in Dutch.
/// </summary>
internal static class CommandTree
{
    /// <summary>The Dutch usage line of each command, shown on bad usage and as the first line of its help.</summary>
    private static readonly ConditionalWeakTable<Command, string> Usages = new();

    public static Option<string> StringOption(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    public static Command Create(string name, string description, string usage, params Symbol[] children)
    {
        var command = new Command(name, description);
        foreach (var child in children)
        {
            switch (child)
            {
                case Command c: command.Subcommands.Add(c); break;
                case Option o: command.Options.Add(o); break;
                case Argument a: command.Arguments.Add(a); break;
            }
        }

        Usages.AddOrUpdate(command, usage);
        return command;
    }

    public static string UsageOf(Command command)
    {
        return Usages.TryGetValue(command, out var usage) ? usage : "resmonitor " + command.Name;
    }

    /// <summary>The path of words to a command, e.g. "import projects".</summary>
    public static string PathOf(CommandResult result)
    {
        var words = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Parent is not null; r = r.Parent)
        {
            words.Insert(0, c.Command.Name);
        }

        return string.Join(' ', words);
    }

    /// <summary>One Dutch sentence for the first thing the parser could not understand.</summary>
    public static string Explain(ParseResult parse)
    {
        var command = parse.CommandResult;
        var path = PathOf(command);
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            if (token.StartsWith('-'))
            {
                return path.Length == 0
                    ? $"Onbekende optie {token}."
                    : $"Onbekende optie {token} bij '{path}'.";
            }

            return path.Length == 0
                ? $"Onbekende opdracht '{token}'. 'resmonitor help' toont de opdrachten."
                : command.Command.Subcommands.Count > 0
                    ? $"Onbekende opdracht '{path} {token}'. {UsageOf(command.Command)}"
                    : $"'{path}' verwacht geen woord '{token}'. {UsageOf(command.Command)}";
        }

        foreach (var error in parse.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option when option.Tokens.Count == 0:
                    return $"Na {option.Option.Name} hoort een waarde.";
                case OptionResult option:
                    return $"{option.Option.Name} staat twee keer in de opdracht.";
                case ArgumentResult:
                    return UsageOf(command.Command);
            }
        }

        return UsageOf(command.Command);
    }

    /// <summary>Replaces the library's English help by the Dutch text: the overview for the root, a short page per command.</summary>
    public sealed class DutchHelp(string overview) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            var command = parseResult.CommandResult;
            if (command.Parent is null || command.Command.Name == "help")
            {
                output.WriteLine(overview);
                return CliApp.Success;
            }

            Write(command.Command, output);
            return CliApp.Success;
        }

        public static void Write(Command command, TextWriter output)
        {
            output.WriteLine(UsageOf(command));
            output.WriteLine();
            output.WriteLine(command.Description);
            var rows = new List<(string Name, string Text)>();
            foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            {
                rows.Add((sub.Name, sub.Description ?? ""));
            }

            foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            {
                rows.Add((argument.HelpName ?? argument.Name, argument.Description ?? ""));
            }

            foreach (var option in command.Options.Where(o => !o.Hidden && o is not HelpOption and not VersionOption))
            {
                rows.Add((option.HelpName is null ? option.Name : $"{option.Name} {option.HelpName}", option.Description ?? ""));
            }

            rows.Add(("--database DB", "sqlite:PAD of postgres:Host=...;Database=...; standaard RESMONITOR_DATABASE"));
            rows.Add(("-h, --help", "deze tekst"));
            output.WriteLine();
            output.WriteLine("Opties en woorden:");
            var width = rows.Max(r => r.Name.Length) + 2;
            foreach (var (name, text) in rows)
            {
                output.WriteLine($"  {name.PadRight(width)}{text}");
            }

            output.WriteLine();
            output.WriteLine("Uitkomst: 0 gelukt, 1 mislukt, 2 verkeerd gebruik. 'resmonitor help' toont alle opdrachten.");
        }
    }
}
