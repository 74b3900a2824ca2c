using ResMonitor.Cli;
using ResMonitor.Web;

// `resmonitor serve` (or no words at all, as the test host starts it) runs the monitor; every other command is
// the command line in ResMonitor.Cli.
var line = CommandLine.Parse(args);
if ((line.Words.Count > 0 && line.Words[0] != "serve") || (line.Words.Count == 0 && line.Flag("--help")))
{
    return await new CliApp(Console.Out, Console.Error, TimeProvider.System).RunAsync(args);
}

var app = WebApp.Build(args.Where(a => a != "serve").ToArray());
await app.RunAsync();
return CliApp.Success;

/// <summary>Entry point, visible to the HTTP tests.</summary>
public partial class Program;
