using System.Globalization;
using System.Text.Json;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.OpenData;

/// <summary>A municipality with its line of the overview.</summary>
public sealed record MunicipalityFigures(Organisation Municipality, OverviewLine Line);

/// <summary>
/// Writes the municipalities of a region with their figures: CSV (the columns of
/// <see cref="OpenDataSchema.MunicipalityFields"/>) or GeoJSON with the CBS/Kadaster boundary as geometry.
/// A municipality without a boundary is left out of the GeoJSON.
/// </summary>
public static class MunicipalityExport
{
    public const string YieldMethod = "opbrengst: gemeten waar die er is, anders vermogen × vollasturen die op de peildatum gelden";

    public static string Source(Region region) => $"ResMonitor, register van {region.Name}; {YieldMethod}";

    public static async Task WriteCsvAsync(
        IEnumerable<MunicipalityFigures> rows, Region region, DateOnly referenceDate, CsvDialect dialect, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, dialect.Encoding, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(dialect.Line(OpenDataSchema.MunicipalityFields.Select(f => f.Name)));
        foreach (var (m, line) in rows)
        {
            ct.ThrowIfCancellationRequested();
            string Figure(decimal value) => dialect.Number(ProjectExport.Number(Math.Round(value, 1)));
            await writer.WriteLineAsync(dialect.Line(
            [
                m.Code,
                m.Name,
                m.Population?.ToString(CultureInfo.InvariantCulture) ?? "",
                Date(m.PopulationReferenceDate),
                m.PopulationSource ?? "",
                Figure(line.RealisedMwh),
                Figure(line.PipelineMwh),
                Figure(line.IdeaMwh),
                Figure(line.RealisedMw),
                Figure(line.PipelineMw),
                line.ProjectCount.ToString(CultureInfo.InvariantCulture),
                line.ProjectsWithoutYield.ToString(CultureInfo.InvariantCulture),
                Date(referenceDate),
                Source(region),
                m.BoundarySource ?? "",
            ]));
        }
    }

    public static async Task WriteGeoJsonAsync(
        IEnumerable<MunicipalityFigures> rows, Region region, DateOnly referenceDate, Stream output, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var (m, line) in rows)
        {
            if (m.BoundaryGeoJson is null)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", m.Code);
            json.WritePropertyName("geometry");
            json.WriteRawValue(m.BoundaryGeoJson);
            json.WriteStartObject("properties");
            json.WriteString("gemeente", m.Code);
            json.WriteString("naam", m.Name);
            if (m.Population is { } population)
            {
                json.WriteNumber("inwoners", population);
                json.WriteString("inwoners_peildatum", Date(m.PopulationReferenceDate));
                json.WriteString("inwoners_bron", m.PopulationSource);
            }

            json.WriteNumber("gerealiseerd_mwh", Math.Round(line.RealisedMwh, 1));
            json.WriteNumber("vergund_of_in_procedure_mwh", Math.Round(line.PipelineMwh, 1));
            json.WriteNumber("idee_mwh", Math.Round(line.IdeaMwh, 1));
            json.WriteNumber("gerealiseerd_mw", Math.Round(line.RealisedMw, 1));
            json.WriteNumber("vergund_of_in_procedure_mw", Math.Round(line.PipelineMw, 1));
            json.WriteNumber("projecten", line.ProjectCount);
            json.WriteNumber("projecten_zonder_opbrengst", line.ProjectsWithoutYield);
            json.WriteString("peildatum", Date(referenceDate));
            json.WriteString("bron", Source(region));
            json.WriteString("grens_bron", m.BoundarySource);
            json.WriteEndObject();
            json.WriteEndObject();
            await json.FlushAsync(ct);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
