using System.Text;
using ResMonitor.Core;
using ResMonitor.Core.Import;

namespace ResMonitor.Cli;

/// <summary>The report of an import as plain Dutch text: what is new, what changes (old → new), which corrections stay.</summary>
public static class ImportText
{
    /// <summary>Projects listed by name before the rest is only counted.</summary>
    public const int Listed = 50;

    public static string Render(ImportReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(report.DryRun
            ? $"{report.FileName}: {report.Rows} projecten gecontroleerd, geen fouten. Proefdraai: er is niets opgeslagen."
            : report.Imported == 0
                ? $"{report.FileName}: {report.Rows} projecten gecontroleerd; alles staat al zo in het register, er is niets gewijzigd."
                : $"{report.FileName}: {report.Imported} projecten ingelezen ({report.Added.Count} nieuw, {report.Changed.Count} gewijzigd).");
        text.AppendLine($"  nieuw: {report.Added.Count}, gewijzigd: {report.Changed.Count}, ongewijzigd: {report.Unchanged}, behouden correcties: {report.KeptCorrections.Count}");
        foreach (var change in report.Changed.Take(Listed))
        {
            text.AppendLine($"  gewijzigd {change.ProjectId} ({change.Name}), regel {change.Line}:");
            foreach (var field in change.Fields)
            {
                text.AppendLine($"    {field.Column}: {Show(field.Old)} → {Show(field.New)}");
            }
        }

        if (report.Changed.Count > Listed)
        {
            text.AppendLine($"  ... en nog {report.Changed.Count - Listed} gewijzigde projecten.");
        }

        if (report.KeptCorrections.Count > 0)
        {
            text.AppendLine(report.DryRun
                ? "Handmatige correcties die blijven staan (gebruik --overwrite-corrections om ze te vervangen):"
                : "Handmatige correcties die zijn blijven staan (gebruik --overwrite-corrections om ze te vervangen):");
            foreach (var kept in report.KeptCorrections)
            {
                text.AppendLine($"  {kept.ProjectId} ({kept.Name}), {kept.Column}: register {Show(kept.RegisterValue)}, bestand {Show(kept.FileValue)}; " +
                                $"gecorrigeerd door {kept.CorrectedBy} op {DutchFormat.Date(DateOnly.FromDateTime(kept.CorrectedAt.ToLocalTime().Date))}");
            }
        }

        foreach (var added in report.Added.Where(a => a.Generated).Take(Listed))
        {
            text.AppendLine($"  nieuw {added.ProjectId} ({added.Name}), regel {added.Line}: het bestand gaf geen id; dit id is gemaakt uit regio, gemeente en naam.");
        }

        if (report.HeldBack.Count > 0)
        {
            text.AppendLine("Mogelijk dubbel, niet ingelezen tot iemand op de importpagina zegt of het een nieuw project is:");
            foreach (var held in report.HeldBack)
            {
                text.AppendLine($"  regel {held.Line}, {held.Name}: lijkt op {held.ExistingId} ({held.ExistingName}): {string.Join("; ", held.Reasons)}");
            }
        }

        foreach (var like in report.Resembling.Take(Listed))
        {
            text.AppendLine($"  let op: regel {like.Line}, {like.Key} ({like.Name}) lijkt op {like.ExistingId} ({like.ExistingName}): {string.Join("; ", like.Reasons)}. Ingelezen als nieuw project, want het bestand geeft een eigen project-id.");
        }

        if (!report.DryRun && report.AuditEntries > 0)
        {
            text.AppendLine($"  {report.AuditEntries} regels in het auditlogboek (kanaal import, reden {report.FileName}).");
        }

        return text.ToString();
    }

    private static string Show(string value) => value.Length == 0 ? "(leeg)" : value;
}
