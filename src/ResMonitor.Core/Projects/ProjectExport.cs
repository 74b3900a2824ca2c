using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
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
/// projects are read in batches by key (<see cref="BatchSize"/>, later <see cref="LargeBatchSize"/>) and written as they come, so that neither the
/// file nor the register has to fit in memory. The rows are read with plain SQL and a data reader, not through EF's
/// materializer: per batch one keyset query on the projects and one key-range scan each on their phase changes and
/// permits (docs/decisions/0017-import-export-speed.md). With a context (the site) the commands go through EF
/// (its connection, interceptors and retries); with a bare connection (the command line) EF is not needed at all,
/// so an export does not pay for building the EF model.
/// </summary>
public sealed class ProjectExport
{
    /// <summary>Projects per batch for the first <see cref="SmallBatches"/> batches, so that the first bytes go out soon.</summary>
    public const int BatchSize = 500;

    /// <summary>Batches of <see cref="BatchSize"/> before the batches grow to <see cref="LargeBatchSize"/>.</summary>
    public const int SmallBatches = 10;

    /// <summary>Projects per batch after the first ones: fewer round trips on a large register (100,000 projects: 29 batches instead of 200).</summary>
    public const int LargeBatchSize = 5_000;

    private readonly ResMonitorDbContext? _db;
    private readonly DbConnection? _connection;

    public ProjectExport(ResMonitorDbContext db) => _db = db;

    /// <summary>An export on an open connection of its own, without an EF context.</summary>
    public ProjectExport(DbConnection connection) => _connection = connection;

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
    /// permits, read in batches by key (first small, then large) (keyset paging, then the batch's key range in the
    /// phase changes and the permits, each an index range scan), so that memory stays bounded and the time grows
    /// linearly however large the register is.
    /// </summary>
    public async IAsyncEnumerable<Project> ReadAsync(
        string regionId, ProjectFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var organisations = await RunAsync(query => ReadOrganisationsAsync(query, regionId, ct), ct);
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
        for (var batches = 0; ; batches++)
        {
            var size = batches < SmallBatches ? BatchSize : LargeBatchSize;
            var batch = await RunAsync(query => ReadBatchAsync(query, regionId, municipalityId, filter, after, size, ct), ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            foreach (var project in batch)
            {
                project.Municipality = organisations.GetValueOrDefault(project.MunicipalityId);
                yield return project;
            }

            if (batch.Count < size)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    /// <summary>Runs a query and hands back its reader; the returned owner closes both.</summary>
    private delegate Task<(DbDataReader Reader, IAsyncDisposable Owner)> Query(string sql, (string Name, object Value)[] parameters, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="work"/> (that reads all it needs before it returns) with a way to run queries: through EF
    /// with its execution strategy (PostgreSQL: tried again after a transient error), or on the bare connection.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<Query, Task<T>> work, CancellationToken ct)
    {
        if (_connection is { } connection)
        {
            return await work((sql, parameters, token) => ExecuteAsync(connection, sql, parameters, token));
        }

        var db = _db!;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Work: work), static async (_, state, token) => await state.Work((sql, parameters, t) => ExecuteAsync(state.Db, sql, parameters, t)),
            null, ct);
    }

    private static async Task<(DbDataReader, IAsyncDisposable)> ExecuteAsync(DbConnection connection, string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var reader = await command.ExecuteReaderAsync(ct);
        return (reader, new Owner(reader, command));
    }

    /// <summary>Through EF's raw SQL command: its connection handling, logging and interceptors, as any EF query.</summary>
    private static async Task<(DbDataReader, IAsyncDisposable)> ExecuteAsync(ResMonitorDbContext db, string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var values = new object[parameters.Length];
        using (var factory = connection.CreateCommand())
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = factory.CreateParameter();
                parameter.ParameterName = parameters[i].Name;
                parameter.Value = parameters[i].Value;
                values[i] = parameter;
            }
        }

        var raw = db.GetService<IRawSqlCommandBuilder>().Build(sql, values, db.Model);
        var reader = await raw.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), raw.ParameterValues, null, db,
                db.GetService<IRelationalCommandDiagnosticsLogger>()),
            ct);
        return (reader.DbDataReader, reader);
    }

    private sealed class Owner(DbDataReader reader, DbCommand command) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }
    }

    // Table and column names follow the model's snake_case convention (ResMonitorDbContext.SnakeCase).
    private static string N(string name) => ResMonitorDbContext.SnakeCase(name);

    private static readonly string OrganisationsSql =
        $"SELECT {N(nameof(Organisation.Id))}, {N(nameof(Organisation.Kind))}, {N(nameof(Organisation.Code))}, {N(nameof(Organisation.Name))} " +
        $"FROM {N(nameof(ResMonitorDbContext.Organisations))} WHERE {N(nameof(Organisation.RegionId))} = @region";

    private static async Task<Dictionary<int, Organisation>> ReadOrganisationsAsync(Query query, string regionId, CancellationToken ct)
    {
        var organisations = new Dictionary<int, Organisation>();
        var (reader, owner) = await query(OrganisationsSql, [("@region", regionId)], ct);
        await using (owner)
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                organisations[id] = new Organisation
                {
                    Id = id, RegionId = regionId, Kind = Enum.Parse<OrganisationKind>(reader.GetString(1)), Code = reader.GetString(2), Name = reader.GetString(3),
                };
            }
        }

        return organisations;
    }

    /// <summary>True when the region is in the register (on a bare connection, as the command line opens it).</summary>
    public static async Task<bool> RegionExistsAsync(DbConnection connection, string regionId, CancellationToken ct = default)
    {
        var (reader, owner) = await ExecuteAsync(connection,
            $"SELECT 1 FROM {N(nameof(ResMonitorDbContext.Regions))} WHERE {N(nameof(Region.Id))} = @region", [("@region", regionId)], ct);
        await using (owner)
        {
            return await reader.ReadAsync(ct);
        }
    }

    /// <summary>The project columns read, in this order.</summary>
    private static readonly string[] ProjectColumns =
    [
        nameof(Project.Id), nameof(Project.Name), nameof(Project.Technique), nameof(Project.CapacityMw), nameof(Project.MunicipalityId),
        nameof(Project.SearchAreaId), nameof(Project.Latitude), nameof(Project.Longitude), nameof(Project.MeasuredYieldMwh),
        nameof(Project.MeasuredYieldYear), nameof(Project.Owners), nameof(Project.LocalOwnershipPercent), nameof(Project.Participation),
        nameof(Project.Phase), nameof(Project.PhaseDate), nameof(Project.IsExample), nameof(Project.Source), nameof(Project.SourceDate),
        nameof(Project.Version),
    ];

    private static readonly string ProjectsTable = N(nameof(ResMonitorDbContext.Projects));

    private static readonly string PhaseChangesSql =
        $"SELECT {N(nameof(PhaseChange.ProjectId))}, {N(nameof(PhaseChange.Phase))}, {N(nameof(PhaseChange.Date))}, {N(nameof(PhaseChange.Id))}, {N(nameof(PhaseChange.Note))} " +
        $"FROM {N(nameof(ResMonitorDbContext.PhaseChanges))} WHERE {N(nameof(PhaseChange.ProjectId))} >= @first AND {N(nameof(PhaseChange.ProjectId))} <= @last";

    private static readonly string PermitsSql =
        $"SELECT {N(nameof(Permit.ProjectId))}, {N(nameof(Permit.Id))}, {N(nameof(Permit.CompetentAuthority))}, {N(nameof(Permit.CaseNumber))}, " +
        $"{N(nameof(Permit.AppliedOn))}, {N(nameof(Permit.GrantedOn))}, {N(nameof(Permit.IrrevocableOn))}, {N(nameof(Permit.HandedOverToProvinceOn))} " +
        $"FROM {N(nameof(ResMonitorDbContext.Permits))} WHERE {N(nameof(Permit.ProjectId))} >= @first AND {N(nameof(Permit.ProjectId))} <= @last";

    /// <summary>
    /// Reads the rows of a child table (first column: the project id) in the batch's key range and hands each row of a
    /// project in the batch to <paramref name="add"/>; rows of projects outside the selection are skipped.
    /// </summary>
    private static async Task ReadChildrenAsync(
        Query query, string sql, (string, object)[] range, Dictionary<string, Project> byId, Action<Project, DbDataReader, Values> add, CancellationToken ct)
    {
        var (reader, owner) = await query(sql, range, ct);
        await using (owner)
        {
            var values = new Values(reader);
            while (await reader.ReadAsync(ct))
            {
                if (byId.TryGetValue(reader.GetString(0), out var project))
                {
                    add(project, reader, values);
                }
            }
        }
    }

    private static async Task<List<Project>> ReadBatchAsync(
        Query query, string regionId, int? municipalityId, ProjectFilter filter, string? after, int size, CancellationToken ct)
    {
        // "region_id || ''" keeps SQLite from picking the (region_id, phase) index, which would sort the whole region
        // for every batch; the primary key then serves "id > after ORDER BY id LIMIT n" directly.
        var sql = new StringBuilder($"SELECT {string.Join(", ", ProjectColumns.Select(N))} FROM {ProjectsTable} WHERE {N(nameof(Project.RegionId))} || '' = @region");
        var parameters = new List<(string, object)> { ("@region", regionId) };
        if (municipalityId is { } municipality)
        {
            sql.Append($" AND {N(nameof(Project.MunicipalityId))} = @municipality");
            parameters.Add(("@municipality", municipality));
        }

        if (filter.Technique is { } technique)
        {
            sql.Append($" AND {N(nameof(Project.Technique))} = @technique");
            parameters.Add(("@technique", technique.ToString()));
        }

        if (filter.Phase is { } phase)
        {
            sql.Append($" AND {N(nameof(Project.Phase))} = @phase");
            parameters.Add(("@phase", phase.ToString()));
        }

        if (after is not null)
        {
            sql.Append($" AND {N(nameof(Project.Id))} > @after");
            parameters.Add(("@after", after));
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {N(nameof(Project.Id))} LIMIT {size}");
        var batch = new List<Project>(size);
        var byId = new Dictionary<string, Project>(size, StringComparer.Ordinal);
        var (reader, owner) = await query(sql.ToString(), [.. parameters], ct);
        await using (owner)
        {
            var values = new Values(reader);
            while (await reader.ReadAsync(ct))
            {
                var project = new Project
                {
                    Id = reader.GetString(0),
                    RegionId = regionId,
                    Name = reader.GetString(1),
                    Technique = Enum.Parse<Technique>(reader.GetString(2)),
                    CapacityMw = values.Decimal(3),
                    MunicipalityId = reader.GetInt32(4),
                    SearchAreaId = values.Text(5),
                    Latitude = values.Double(6),
                    Longitude = values.Double(7),
                    MeasuredYieldMwh = values.OptionalDecimal(8),
                    MeasuredYieldYear = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    Owners = values.Text(10),
                    LocalOwnershipPercent = values.OptionalDecimal(11),
                    Participation = values.Text(12),
                    Phase = Enum.Parse<Phase>(reader.GetString(13)),
                    PhaseDate = values.Date(14),
                    IsExample = reader.GetBoolean(15),
                    Source = reader.GetString(16),
                    SourceDate = values.RequiredDate(17),
                    Version = reader.GetInt32(18),
                };
                batch.Add(project);
                byId.Add(project.Id, project);
            }
        }

        if (batch.Count == 0)
        {
            return batch;
        }

        // The batch's key range (in the database's own order, as the keyset above): rows of projects outside the
        // selection that fall inside it are skipped.
        (string, object)[] range = [("@first", batch[0].Id), ("@last", batch[^1].Id)];
        await ReadChildrenAsync(query, PhaseChangesSql, range, byId, (project, reader, values) => project.PhaseHistory.Add(new PhaseChange
        {
            ProjectId = project.Id, Phase = Enum.Parse<Phase>(reader.GetString(1)), Date = values.RequiredDate(2),
            Id = reader.GetInt64(3), Note = values.Text(4),
        }), ct);
        await ReadChildrenAsync(query, PermitsSql, range, byId, (project, reader, values) => project.Permits.Add(new Permit
        {
            ProjectId = project.Id, Id = reader.GetInt64(1), CompetentAuthority = Enum.Parse<CompetentAuthority>(reader.GetString(2)),
            CaseNumber = values.Text(3), AppliedOn = values.Date(4), GrantedOn = values.Date(5), IrrevocableOn = values.Date(6),
            HandedOverToProvinceOn = values.Date(7),
        }), ct);

        foreach (var project in batch)
        {
            if (project.PhaseHistory.Count > 1)
            {
                project.PhaseHistory = [.. project.PhaseHistory.OrderBy(c => c.Date).ThenBy(c => c.Phase)];
            }

            if (project.Permits.Count > 1)
            {
                project.Permits = [.. project.Permits.OrderBy(c => c.Id)];
            }
        }

        return batch;
    }

    /// <summary>
    /// Typed reads of nullable columns. Decimals are numeric on PostgreSQL and REAL on SQLite, where they are read as
    /// EF reads them (the double cast to decimal).
    /// </summary>
    private readonly struct Values(DbDataReader reader)
    {
        private readonly bool _real = reader is Microsoft.Data.Sqlite.SqliteDataReader;

        public string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

        public double? Double(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

        public decimal Decimal(int i) => _real ? (decimal)reader.GetDouble(i) : reader.GetDecimal(i);

        public decimal? OptionalDecimal(int i) => reader.IsDBNull(i) ? null : Decimal(i);

        public DateOnly? Date(int i) => reader.IsDBNull(i) ? null : RequiredDate(i);

        /// <summary>SQLite keeps a date as text yyyy-MM-dd (as EF writes it); read directly, not through the culture's parser.</summary>
        public DateOnly RequiredDate(int i)
        {
            if (!_real)
            {
                return reader.GetFieldValue<DateOnly>(i);
            }

            var text = reader.GetString(i);
            return text.Length == 10 && text[4] == '-' && text[7] == '-'
                   && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                   && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                   && int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                ? new DateOnly(year, month, day)
                : DateOnly.Parse(text, CultureInfo.InvariantCulture);
        }
    }

    private static async Task WriteCsvAsync(IAsyncEnumerable<Project> projects, CsvDialect dialect, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, dialect.Encoding, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        string Figure(decimal value) => dialect.Number(Number(value));
        await writer.WriteLineAsync(dialect.Line(C.Columns));
        var row = new string[C.Columns.Length];
        var line = new StringBuilder(1024);
        await foreach (var p in projects.WithCancellation(ct))
        {
            Cells(p, p.Municipality!.Code, row, Figure);
            dialect.Line(line, row);
            await writer.WriteLineAsync(line, ct);
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
