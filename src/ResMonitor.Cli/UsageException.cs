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
