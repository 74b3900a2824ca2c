using System.Diagnostics;
using System.Globalization;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Projects;

// bench/forecast/run.sh [PROJECTS] [RUNS]: times the 2030 forecast on a generated national-size pipeline
// (50,000 projects of 50 to 1,500 MWh a year in every phase, 342 municipalities, target 35 TWh like the national RES task).
var projectCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

var today = new DateOnly(2025, 7, 1);
var random = new Random(2030);
var phases = Enum.GetValues<Phase>();
var techniques = new[] { Technique.Wind, Technique.SolarOnLand, Technique.SolarOnRoof };
var projects = Enumerable.Range(0, projectCount).Select(i => new ForecastProject(
    $"P{i}", $"Project {i}", techniques[i % 3], $"GM{i % 342:0000}", phases[random.Next(phases.Length)],
    today.AddDays(-random.Next(0, 3_000)), random.Next(50, 1_500))).ToList();
var open = projects.Count(p => p.Phase is not Phase.Realised and not Phase.Withdrawn);
var input = new ForecastInput(today, 2030, 35_000_000, projects);

// Warm-up: JIT and thread pool.
ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 200));

var times = new List<double>();
ForecastResult? result = null;
for (var r = 0; r < repeats; r++)
{
    var watch = Stopwatch.StartNew();
    result = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: runs, Seed: 2030));
    times.Add(watch.Elapsed.TotalSeconds);
}

times.Sort();
var median = times[times.Count / 2];
var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"| projects | open projects | runs | cores | median s (of {repeats}) | draws/s | peak RSS MB | P(target) | P50 TWh |"));
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(inv,
    $"| {projectCount} | {open} | {runs} | {Environment.ProcessorCount} | {median:0.00} | {open * (double)runs / median:0.###e0} | {peakMb:0} | {result!.ProbabilityOfReachingTarget:0.000} | {result.TargetYearMwh.P50 / 1e6:0.00} |"));
