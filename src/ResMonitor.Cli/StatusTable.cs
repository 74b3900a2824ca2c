using System.Text;
using ResMonitor.Core;
using ResMonitor.Core.Energy;

namespace ResMonitor.Cli;

/// <summary>The overview as a plain-text table for `resmonitor status`.</summary>
public static class StatusTable
{
    public static string Render(RegionSummary s)
    {
        var text = new StringBuilder();
        text.AppendLine($"{s.Name}: stand op {DutchFormat.Date(s.ReferenceDate)}");
        if (s.Target is { } target)
        {
            text.AppendLine($"Doel {target.Year}: {DutchFormat.Twh(target.ValueMwh)} (bron: {target.Source}, {DutchFormat.Date(target.ReferenceDate)})");
        }

        text.AppendLine();
        string[] header = ["", "doel", "gerealiseerd", "vergund/in procedure", "nog in te vullen", "projecten"];
        var rows = s.ByTechnique.Append(s.Total).Select(l => new[]
        {
            l.Label,
            l.TargetMwh is { } t ? DutchFormat.Twh(t) : "–",
            DutchFormat.Twh(l.RealisedMwh),
            DutchFormat.Twh(l.PipelineMwh),
            l.AmbitionMwh is { } a ? DutchFormat.Twh(a) : "–",
            l.Projects.ToString(DutchFormat.Culture),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        void Row(string[] cells) => text.AppendLine(string.Join("  ",
            cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        Row(header);
        foreach (var row in rows)
        {
            if (row[0] == s.Total.Label)
            {
                text.AppendLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
            }

            Row(row);
        }

        text.AppendLine();
        text.AppendLine($"De doelen per techniek tellen op tot {DutchFormat.Twh(s.TechniqueTargetSumMwh, 3)}; het regionale doel is {(s.Target is null ? "onbekend" : DutchFormat.Twh(s.Target.ValueMwh))}.");
        text.AppendLine($"Opbrengst: {s.YieldMethod}");
        foreach (var h in s.FullLoadHours)
        {
            text.AppendLine($"  {h.Label}: {DutchFormat.Number(h.Hours, 0)} vollasturen (bron: {h.Source}; geldig vanaf {DutchFormat.Date(h.ValidFrom)})");
        }

        if (s.ExampleProjects > 0)
        {
            text.AppendLine($"Let op: {s.ExampleProjects} projecten zijn verzonnen voorbeelden. 'resmonitor seed --without-examples' haalt ze weg.");
        }

        return text.ToString();
    }
}
