namespace ResMonitor.Cli;

/// <summary>Thrown for a command line that cannot be understood; the command exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    public UsageException() : this("Onjuist gebruik.")
    {
    }

    public UsageException(string message, Exception inner) : this(message + " " + inner.Message)
    {
    }
}

/// <summary>
/// The parsed command line: words, "--name value" options and "--flag" switches. Small on purpose: the commands
/// are few, and the help text and every message stay in plain Dutch.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CommandLine(List<string> words) => Words = words;

    public List<string> Words { get; }

    /// <summary>Options that take a value; every other "--name" is a switch.</summary>
    public static readonly HashSet<string> ValueOptions =
        ["--database", "--urls", "--format", "--output", "--region", "--region-folder", "--runs", "--seed", "--role", "--organisation", "--name",
         "--project", "--search-area", "--kind", "--date", "--reason", "--explanation", "--percent", "--expected", "--lost-mwh", "--days"];

    public static CommandLine Parse(IEnumerable<string> args)
    {
        var words = new List<string>();
        var parsed = new CommandLine(words);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                words.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            string? value = eq > 0 ? arg[(eq + 1)..] : null;
            if (ValueOptions.Contains(name) && value is null)
            {
                value = e.MoveNext() ? e.Current : throw new UsageException($"Na {name} hoort een waarde.");
            }

            if (!parsed._options.TryAdd(name, value))
            {
                throw new UsageException($"{name} staat twee keer in de opdracht.");
            }
        }

        return parsed;
    }

    public string? Value(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>Refuses any option the command does not know, so that a typo is never silently ignored.</summary>
    public void Allow(params string[] names)
    {
        var unknown = _options.Keys.Where(k => k != "--database" && k != "--help" && !names.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Onbekende optie {string.Join(", ", unknown)} bij '{string.Join(' ', Words)}'.");
        }
    }
}
