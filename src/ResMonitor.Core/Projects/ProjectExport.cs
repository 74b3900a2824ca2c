using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.OpenData;
using ResMonitor.Core.Regions;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Projects;

public enum ExportFormat
{
    /// <summary>The import format: comma, decimal point, UTF-8 without BOM.</summary>
    Csv,
    Json,
    GeoJson,

    /// <summary>The same columns for a Dutch spreadsheet: semicolon, decimal comma, UTF-8 with BOM.</summary>
    ExcelCsv,

    /// <summary>The same columns as an Excel workbook: numbers as numbers, dates as dates.</summary>
    Xlsx,
}

/// <summary>
/// Writes the register's projects as CSV (the import format, in two dialects), JSON or GeoJSON, streaming: the
/// projects are read in batches of <see cref="BatchSize"/> by key and written as they come, so that neither the
/// file nor the register has to fit in memory.
/// </summary>
public sealed class ProjectExport(ResMonitorDbContext db)
{
    public const int BatchSize = 500;

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv or ExportFormat.ExcelCsv => "text/csv; charset=utf-8",
        ExportFormat.GeoJson => "application/geo+json",
        ExportFormat.Xlsx => ProjectXlsx.MediaType,
        _ => "application/json",
    };

    public Task WriteAsync(string regionId, ExportFormat format, Stream output, CancellationToken ct = default) =>
        WriteAsync(regionId, ProjectFilter.All, format, output, ct);

    public async Task WriteAsync(string regionId, ProjectFilter filter, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        var projects = ReadAsync(regionId, filter, ct);
        switch (format)
        {
            case ExportFormat.Csv:
                await WriteCsvAsync(projects, CsvDialect.Standard, output, ct);
                break;
            case ExportFormat.ExcelCsv:
                await WriteCsvAsync(projects, CsvDialect.Excel, output, ct);
                break;
            case ExportFormat.Xlsx:
                await ProjectXlsx.WriteAsync(projects, output, ct);
                break;
            case ExportFormat.Json:
                await WriteJsonAsync(projects, output, geo: false, ct);
                break;
            default:
                await WriteJsonAsync(projects, output, geo: true, ct);
                break;
        }
    }

    /// <summary>
    /// The selected projects in key order with municipality (code and name, not the boundary), phase history and
    /// permits, read in batches of <see cref="BatchSize"/> by key (keyset paging, three index lookups per batch), so
    /// that memory stays bounded and the time grows linearly however large the register is.
    /// </summary>
    public async IAsyncEnumerable<Project> ReadAsync(
        string regionId, ProjectFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var organisations = (await db.Organisations.AsNoTracking()
                .Where(o => o.RegionId == regionId)
                .Select(o => new { o.Id, o.Kind, o.Code, o.Name })
                .ToListAsync(ct))
            .ToDictionary(o => o.Id, o => new Organisation { Id = o.Id, RegionId = regionId, Kind = o.Kind, Code = o.Code, Name = o.Name });
        int? municipalityId = null;
        if (filter.MunicipalityCode is { } code)
        {
            var municipality = organisations.Values.FirstOrDefault(o => o.Kind == OrganisationKind.Municipality && o.Code == code);
            if (municipality is null)
            {
                yield break;
            }

            municipalityId = municipality.Id;
        }

        string? after = null;
        while (true)
        {
            // "region_id || ''" keeps SQLite from picking the (region_id, phase) index, which would sort the whole
            // region for every batch; the primary key then serves "id > after ORDER BY id LIMIT n" directly.
            var query = db.Projects.AsNoTracking().Where(p => p.RegionId + "" == regionId);
            if (municipalityId is { } id)
            {
                query = query.Where(p => p.MunicipalityId == id);
            }

            if (filter.Technique is { } technique)
            {
                query = query.Where(p => p.Technique == technique);
            }

            if (filter.Phase is { } phase)
            {
                query = query.Where(p => p.Phase == phase);
            }

            if (after is not null)
            {
                query = query.Where(p => string.Compare(p.Id, after) > 0);
            }

            var batch = await query.OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            var ids = batch.Select(p => p.Id).ToList();
            var history = (await db.PhaseChanges.AsNoTracking().Where(c => ids.Contains(c.ProjectId)).ToListAsync(ct))
                .ToLookup(c => c.ProjectId);
            var permits = (await db.Permits.AsNoTracking().Where(c => ids.Contains(c.ProjectId)).ToListAsync(ct))
                .ToLookup(c => c.ProjectId);
            foreach (var project in batch)
            {
                project.Municipality = organisations.GetValueOrDefault(project.MunicipalityId);
                project.PhaseHistory = [.. history[project.Id].OrderBy(c => c.Date).ThenBy(c => c.Phase)];
                project.Permits = [.. permits[project.Id].OrderBy(c => c.Id)];
                yield return project;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    private static async Task WriteCsvAsync(IAsyncEnumerable<Project> projects, CsvDialect dialect, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, dialect.Encoding, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        string Figure(decimal value) => dialect.Number(Number(value));
        await writer.WriteLineAsync(dialect.Line(C.Columns));
        var row = new string[C.Columns.Length];
        await foreach (var p in projects.WithCancellation(ct))
        {
            Cells(p, p.Municipality!.Code, row, Figure);
            await writer.WriteLineAsync(dialect.Line(row));
        }
    }

    private static readonly Dictionary<string, int> ColumnIndex = C.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

    /// <summary>
    /// The cells of one project in the file format, in <see cref="C.Columns"/> order, as export writes them (before
    /// any quoting): the one spelling that import reads back unchanged and that an import compares against.
    /// </summary>
    public static void Cells(Project p, string municipalityCode, string[] row, Func<decimal, string> figure)
    {
        var index = ColumnIndex;
        Array.Fill(row, "");
        var permit = p.Permits.Count == 0 ? null : p.Permits[0];
        row[index[C.Id]] = p.Id;
        row[index[C.Name]] = p.Name;
        row[index[C.Technique]] = Labels.Technique(p.Technique);
        row[index[C.Municipality]] = municipalityCode;
        row[index[C.Capacity]] = figure(p.CapacityMw);
        row[index[C.SearchArea]] = p.SearchAreaId ?? "";
        row[index[C.Latitude]] = p.Latitude is { } lat ? figure((decimal)lat) : "";
        row[index[C.Longitude]] = p.Longitude is { } lon ? figure((decimal)lon) : "";
        if (p.MeasuredYieldMwh is { } measured)
        {
            row[index[C.MeasuredYield]] = figure(measured);
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
        row[index[C.LocalOwnership]] = p.LocalOwnershipPercent is { } share ? figure(share) : "";
        row[index[C.Participation]] = p.Participation ?? "";
        row[index[C.Example]] = p.IsExample ? "ja" : "nee";
        row[index[C.Source]] = p.Source;
        row[index[C.SourceDate]] = Date(p.SourceDate);
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

    internal static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

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
}
