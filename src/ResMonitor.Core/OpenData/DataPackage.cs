using System.Text.Json;

namespace ResMonitor.Core.OpenData;

/// <summary>One file of the package; <see cref="Fields"/> and <see cref="Dialect"/> only for CSV.</summary>
public sealed record DataResource(
    string Name,
    string Path,
    string Title,
    string Description,
    string Format,
    string MediaType,
    IReadOnlyList<OpenDataField>? Fields = null,
    CsvDialect? Dialect = null);

/// <summary>A licence or source entry of the package.</summary>
public sealed record PackageLink(string Title, string Path, string? Name = null);

/// <summary>What the package says about itself.</summary>
public sealed record DataPackageInfo(
    string Name,
    string Title,
    string Description,
    string Homepage,
    DateOnly? Modified,
    IReadOnlyList<PackageLink> Licenses,
    IReadOnlyList<PackageLink> Sources);

/// <summary>Writes a Frictionless Data Package descriptor (datapackage.json) for the open-data ZIP.</summary>
public static class DataPackage
{
    public const string FileName = "datapackage.json";

    public static async Task WriteAsync(Stream output, DataPackageInfo info, IEnumerable<DataResource> resources, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("profile", "data-package");
        json.WriteString("name", info.Name);
        json.WriteString("title", info.Title);
        json.WriteString("description", info.Description);
        json.WriteString("homepage", info.Homepage);
        if (info.Modified is { } modified)
        {
            json.WriteString("modified", modified.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        WriteLinks(json, "licenses", info.Licenses);
        WriteLinks(json, "sources", info.Sources);
        json.WriteStartArray("resources");
        foreach (var r in resources)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Name);
            json.WriteString("path", r.Path);
            json.WriteString("title", r.Title);
            json.WriteString("description", r.Description);
            json.WriteString("format", r.Format);
            json.WriteString("mediatype", r.MediaType);
            json.WriteString("encoding", "utf-8");
            if (r.Fields is not null)
            {
                json.WriteString("profile", "tabular-data-resource");
                var dialect = r.Dialect ?? CsvDialect.Standard;
                json.WriteStartObject("dialect");
                json.WriteString("delimiter", dialect.Separator.ToString());
                json.WriteString("lineTerminator", "\r\n");
                json.WriteBoolean("header", true);
                json.WriteEndObject();
                json.WriteStartObject("schema");
                json.WriteStartArray("fields");
                foreach (var field in r.Fields)
                {
                    json.WriteStartObject();
                    json.WriteString("name", field.Name);
                    json.WriteString("type", field.Type);
                    json.WriteString("description", field.Description);
                    if (field.Type == "number" && dialect.DecimalComma)
                    {
                        json.WriteString("decimalChar", ",");
                    }

                    if (field.Type == "boolean")
                    {
                        json.WriteStartArray("trueValues");
                        json.WriteStringValue("ja");
                        json.WriteEndArray();
                        json.WriteStartArray("falseValues");
                        json.WriteStringValue("nee");
                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteLinks(Utf8JsonWriter json, string property, IReadOnlyList<PackageLink> links)
    {
        json.WriteStartArray(property);
        foreach (var link in links)
        {
            json.WriteStartObject();
            if (link.Name is not null)
            {
                json.WriteString("name", link.Name);
            }

            json.WriteString("path", link.Path);
            json.WriteString("title", link.Title);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
