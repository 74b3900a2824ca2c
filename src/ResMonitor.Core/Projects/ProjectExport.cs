using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Import;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Projects;

public enum ExportFormat
{
    Csv,
    Json,
    GeoJson,
}

/// <summary>
/// Writes the register's projects as CSV (the import format), JSON or GeoJSON, streaming row by row so that a
/// large register does not have to fit in memory.
/// </summary>
public sealed class ProjectExport(ResMonitorDbContext db)
{
    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.GeoJson => "application/geo+json",
        _ => "application/json",
    };

    public async Task WriteAsync(string regionId, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        var projects = db.Projects.AsNoTracking()
            .Where(p => p.RegionId == regionId)
            .Include(p => p.Municipality)
            .Include(p => p.PhaseHistory)
            .Include(p => p.Permits)
            .AsSplitQuery()
            .OrderBy(p => p.Id)
            .AsAsyncEnumerable();
        switch (format)
        {
            case ExportFormat.Csv:
                await WriteCsvAsync(projects, output, ct);
                break;
            case ExportFormat.Json:
                await WriteJsonAsync(projects, output, geo: false, ct);
                break;
            default:
                await WriteJsonAsync(projects, output, geo: true, ct);
                break;
        }
    }

    private static async Task WriteCsvAsync(IAsyncEnumerable<Project> projects, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', C.Columns));
        var row = new string[C.Columns.Length];
        var index = C.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        await foreach (var p in projects.WithCancellation(ct))
        {
            Array.Fill(row, "");
            var permit = p.Permits.FirstOrDefault();
            row[index[C.Id]] = p.Id;
            row[index[C.Name]] = p.Name;
            row[index[C.Technique]] = Labels.Technique(p.Technique);
            row[index[C.Municipality]] = p.Municipality!.Code;
            row[index[C.Capacity]] = Number(p.CapacityMw);
            row[index[C.SearchArea]] = p.SearchAreaId ?? "";
            row[index[C.Latitude]] = p.Latitude is { } lat ? Number((decimal)lat) : "";
            row[index[C.Longitude]] = p.Longitude is { } lon ? Number((decimal)lon) : "";
            if (p.MeasuredYieldMwh is { } measured)
            {
                row[index[C.MeasuredYield]] = Number(measured);
                row[index[C.YieldUnit]] = "MWh";
                row[index[C.YieldYear]] = p.MeasuredYieldYear?.ToString(CultureInfo.InvariantCulture) ?? "";
            }

            foreach (var change in p.PhaseHistory)
            {
                row[index[PhaseRules.FieldOf(change.Phase)]] = Date(change.Date);
            }

            if (permit is not null)
            {
                row[index[C.Authority]] = Labels.Authority(permit.CompetentAuthority);
                row[index[C.CaseNumber]] = permit.CaseNumber ?? "";
                row[index[C.PermitApplied]] = Date(permit.AppliedOn);
                row[index[C.PermitGranted]] = Date(permit.GrantedOn);
                row[index[C.PermitIrrevocable]] = Date(permit.IrrevocableOn);
                row[index[C.HandedOver]] = Date(permit.HandedOverToProvinceOn);
            }

            row[index[C.Owners]] = p.Owners ?? "";
            row[index[C.LocalOwnership]] = p.LocalOwnershipPercent is { } share ? Number(share) : "";
            row[index[C.Participation]] = p.Participation ?? "";
            row[index[C.Example]] = p.IsExample ? "ja" : "nee";
            row[index[C.Source]] = p.Source;
            row[index[C.SourceDate]] = Date(p.SourceDate);
            await writer.WriteLineAsync(string.Join(',', row.Select(Cell)));
        }
    }

    private static async Task WriteJsonAsync(IAsyncEnumerable<Project> projects, Stream output, bool geo, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        if (geo)
        {
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
        }
        else
        {
            json.WriteStartArray("projects");
        }

        var count = 0;
        await foreach (var p in projects.WithCancellation(ct))
        {
            if (geo && p.Latitude is null)
            {
                continue;
            }

            if (geo)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", p.Id);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(p.Longitude!.Value);
                json.WriteNumberValue(p.Latitude!.Value);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WritePropertyName("properties");
                WriteProject(json, p);
                json.WriteEndObject();
            }
            else
            {
                WriteProject(json, p);
            }

            if (++count % 1000 == 0)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteProject(Utf8JsonWriter json, Project p)
    {
        json.WriteStartObject();
        json.WriteString("id", p.Id);
        json.WriteString("name", p.Name);
        json.WriteString("technique", Labels.TechniqueKey(p.Technique));
        json.WriteString("municipality", p.Municipality!.Code);
        json.WriteNumber("capacityMw", p.CapacityMw);
        json.WriteString("phase", Labels.PhaseKey(p.Phase));
        if (p.PhaseDate is { } phaseDate)
        {
            json.WriteString("phaseDate", Date(phaseDate));
        }

        if (p.MeasuredYieldMwh is { } measured)
        {
            json.WriteNumber("measuredYieldMwh", measured);
        }

        if (p.Latitude is { } lat && p.Longitude is { } lon)
        {
            json.WriteNumber("latitude", lat);
            json.WriteNumber("longitude", lon);
        }

        if (p.LocalOwnershipPercent is { } share)
        {
            json.WriteNumber("localOwnershipPercent", share);
        }

        json.WriteStartArray("phaseHistory");
        foreach (var change in p.PhaseHistory.OrderBy(c => c.Date).ThenBy(c => c.Phase))
        {
            json.WriteStartObject();
            json.WriteString("phase", Labels.PhaseKey(change.Phase));
            json.WriteString("date", Date(change.Date));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("isExample", p.IsExample);
        json.WriteString("source", p.Source);
        json.WriteString("sourceDate", Date(p.SourceDate));
        json.WriteEndObject();
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Invariant decimal point; a value with exactly three decimals gets a fourth zero, so that the importer
    /// never reads "1.234" as ambiguous.
    /// </summary>
    internal static string Number(decimal value)
    {
        var text = value.ToString("0.########", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 && text.Length - dot - 1 == 3 ? text + "0" : text;
    }

    /// <summary>Quotes where needed, and neutralises cells a spreadsheet would run as a formula.</summary>
    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
