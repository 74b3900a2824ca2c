using ResMonitor.Cli;
using ResMonitor.Web;

// `resmonitor serve` (or no words at all, as the test host starts it) runs the monitor; every other command is
// the command line in ResMonitor.Cli.
if (!CliApp.WantsServer(args))
{
    return await new CliApp(Console.Out, Console.Error, TimeProvider.System).RunAsync(args);
}

var app = WebApp.Build(args.Where(a => a != "serve").ToArray());
await app.RunAsync();
return CliApp.Success;

/// <summary>Entry point, visible to the HTTP tests.</summary>
public partial class Program;
