using System.Text;
using ResMonitor.Core;
using ResMonitor.Core.Forecast;

namespace ResMonitor.Cli;

/// <summary>The forecast as plain text for `resmonitor forecast`.</summary>
public static class ForecastText
{
    public static string Render(RegionForecast forecast)
    {
        var r = forecast.Result;
        var text = new StringBuilder();
        text.AppendLine($"{forecast.Name}: prognose voor {r.TargetYear}, peildatum {DutchFormat.Date(r.ReferenceDate)}");
        text.AppendLine(ForecastSentence.Dutch(forecast));
        text.AppendLine();
        text.AppendLine($"Doel {r.TargetYear}: {Twh(r.TargetMwh)} (bron: {forecast.TargetSource}); nu gerealiseerd: {Twh(r.RealisedMwh)}.");
        text.AppendLine($"Opwek in {r.TargetYear}: P10 {Twh(r.TargetYearMwh.P10)}, P50 {Twh(r.TargetYearMwh.P50)}, P90 {Twh(r.TargetYearMwh.P90)}; verwachting {Twh(r.TargetYearMwh.Expected)}.");
        text.AppendLine();
        text.AppendLine("Per techniek (P10 / P50 / P90 in het doeljaar):");
        foreach (var t in r.ByTechnique.Where(t => t.TargetYear.Expected > 0 || t.TargetMwh is not null))
        {
            var label = Labels.ParseTechnique(t.Key) is { } technique ? Labels.Technique(technique) : t.Key;
            text.AppendLine($"  {label,-18} {Twh(t.TargetYear.P10)} / {Twh(t.TargetYear.P50)} / {Twh(t.TargetYear.P90)}" +
                            (t.TargetMwh is { } target ? $"  (doel {Twh(target)})" : ""));
        }

        text.AppendLine();
        text.AppendLine("Projecten die de uitkomst het meest bepalen (groot en onzeker):");
        foreach (var p in r.MostInfluential.Take(5))
        {
            text.AppendLine($"  {p.Id}  {p.Name}: {DutchFormat.Energy((decimal)p.YieldMwh)} per jaar, fase {Labels.Phase(p.Phase)}, kans op realisatie vóór eind {r.TargetYear} {ForecastSentence.Percent(p.ProbabilityByTargetYear)}");
        }

        text.AppendLine();
        text.AppendLine($"{r.Runs.ToString("N0", DutchFormat.Culture)} simulaties, seed {r.Seed}; aannames '{forecast.Assumptions.Version}' ({forecast.Assumptions.Source}).");
        if (forecast.ExampleProjects > 0)
        {
            text.AppendLine($"Let op: {forecast.ExampleProjects} projecten zijn verzonnen voorbeelden.");
        }

        return text.ToString();
    }

    private static string Twh(double mwh) => DutchFormat.Twh((decimal)mwh);
}
