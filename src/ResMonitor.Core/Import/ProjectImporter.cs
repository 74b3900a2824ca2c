using System.Globalization;
using System.Text;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Geo;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Import;

/// <summary>
/// Reads a project file (docs/import-format.md), CSV or XLSX, checks every row and writes all of it in one
/// transaction, or nothing when any row is wrong. A project id that is new adds the project (bulk, fast); one that is
/// in the register updates that project column by column, except fields whose latest change was a manual correction
/// through the site or the API (kept and reported, unless the request says to overwrite them). Every change is
/// logged in the audit trail under channel <c>import</c>, with the file name as the reason.
/// </summary>
public sealed class ProjectImporter(ResMonitorDbContext db, ImportOptions options, TimeProvider clock)
{

    public const decimal MaxCapacityMw = ProjectRules.MaxCapacityMw;

    /// <summary>Free-text columns and how a message names them (<see cref="ProjectRules.TextLength"/>).</summary>
    private static readonly (string Column, string What)[] TextColumns =
        [(C.Owners, "De eigenaren"), (C.Participation, "De participatie"), (C.Source, "De bron")];

    /// <summary>The audit channel of every write an import makes.</summary>
    public const string Channel = "import";

    private const int ReadBufferSize = 64 * 1024;

    /// <summary>Projects compared or updated per round trip to the database.</summary>
    private const int BatchSize = 500;

    /// <summary>The column of each phase date, in <see cref="C.HistoryPhases"/> order.</summary>
    private static readonly string[] HistoryFields = C.HistoryPhases.Select(PhaseRules.FieldOf).ToArray();

    public Task<ImportReport> ImportFileAsync(string regionId, string path, bool dryRun, CancellationToken ct = default) =>
        ImportFileAsync(new ImportRequest(regionId, Path.GetFileName(path), dryRun), path, ct);

    public async Task<ImportReport> ImportFileAsync(ImportRequest request, string path, CancellationToken ct = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail(request.FileName, $"Het bestand '{path}' bestaat niet.");
        }

        await using var stream = info.OpenRead();
        return await ImportAsync(request, stream, info.Length, ct);
    }

    /// <summary>
    /// Checks and imports a file. The stream is read synchronously while it is parsed: give it a file or a buffered
    /// upload, not a raw request body.
    /// </summary>
    public Task<ImportReport> ImportAsync(
        string regionId, Stream stream, string fileName, long? length, bool dryRun, CancellationToken ct = default) =>
        ImportAsync(new ImportRequest(regionId, fileName, dryRun), stream, length, ct);

    /// <summary>
    /// True for an OLE compound file (D0 CF 11 E0 A1 B1 1A E1): what Excel writes for a workbook protected with a
    /// password (the XLSX inside is encrypted) and for the old .xls format.
    /// </summary>
    public static bool IsEncryptedOrOldExcel(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        Span<byte> start = stackalloc byte[8];
        var position = stream.Position;
        var read = stream.ReadAtLeast(start, 8, throwOnEndOfStream: false);
        stream.Position = position;
        return read == 8 && start.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    }

    /// <summary>True for a file that is an XLSX workbook: by its name, or by the zip signature at its start.</summary>
    public static bool IsXlsx(string fileName, Stream stream)
    {
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!stream.CanSeek)
        {
            return false;
        }

        Span<byte> start = stackalloc byte[4];
        var position = stream.Position;
        var read = stream.Read(start);
        stream.Position = position;
        return read == 4 && start.SequenceEqual("PK\u0003\u0004"u8);
    }

    public async Task<ImportReport> ImportAsync(ImportRequest request, Stream stream, long? length, CancellationToken ct = default)
    {
        var fileName = request.FileName;
        if (length > options.MaxFileBytes)
        {
            return Fail(fileName,
                $"Het bestand is {Megabytes(length.Value)} groot; de grens is {Megabytes(options.MaxFileBytes)}. Er is niets ingelezen.");
        }

        Context? context;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            context = await LoadContextAsync(request, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (context is null)
        {
            return Fail(fileName, $"De regio '{request.RegionId}' staat niet in het register.");
        }

        if (IsEncryptedOrOldExcel(stream))
        {
            return Fail(fileName,
                "Dit is een met een wachtwoord beveiligde Excel-werkmap of een oud Excel-bestand (.xls); dat kan niet worden gelezen. " +
                "Haal in Excel de beveiliging weg en sla het op als 'Excel-werkmap (*.xlsx)' of als 'CSV UTF-8'. Er is niets ingelezen.");
        }

        ParseResult parsed;
        try
        {
            parsed = IsXlsx(fileName, stream) ? ParseXlsx(stream, context, ct) : ParseCsv(stream, context, ct);
        }
        catch (RowLimitException e)
        {
            return Fail(fileName, e.Message);
        }
        catch (Sylvan.Data.Csv.CsvRecordTooLargeException)
        {
            return Fail(fileName,
                $"Een regel van het bestand is te lang (meer dan {DutchFormat.Number(MaxCsvRecordCharacters, 0)} tekens); staat er ergens een aanhalingsteken dat niet wordt gesloten? Er is niets ingelezen.");
        }
        catch (DecoderFallbackException)
        {
            return Fail(fileName, "Het bestand is geen UTF-8-tekst. Sla het in Excel op als 'CSV UTF-8 (door lussen gescheiden)'.");
        }
        catch (FileTooLargeException)
        {
            return Fail(fileName, $"Het bestand is groter dan de grens van {Megabytes(options.MaxFileBytes)}. Er is niets ingelezen.");
        }
        catch (XlsxException e)
        {
            return Fail(fileName, e.Message);
        }
        catch (CsvQuotingException e)
        {
            return Fail(fileName, e.Message);
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
                                       or InvalidOperationException or ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            // Whatever else a damaged file makes a reader throw: a Dutch answer, never a stack trace.
            return Fail(fileName, IsXlsx(fileName, stream)
                ? "Het XLSX-bestand is beschadigd en kan niet worden gelezen. Open het in Excel en sla het opnieuw op. Er is niets ingelezen."
                : "Het bestand is beschadigd en kan niet worden gelezen als CSV. Er is niets ingelezen.");
        }

        var rows = parsed.Rows.Count + parsed.BadRowCount;
        if (parsed.Errors.Count > 0)
        {
            return new(fileName, rows, parsed.Errors, 0, request.DryRun) { UnknownColumns = parsed.Unknown, AppliedMappings = parsed.Applied };
        }

        var (kept, heldBack, resembling, decisionErrors) = SortOutDuplicates(parsed.Rows, context);
        if (decisionErrors.Count > 0)
        {
            return new(fileName, rows, decisionErrors, 0, request.DryRun);
        }

        parsed = parsed with { Rows = kept };
        var added = parsed.Rows.Where(r => !r.Existing).ToList();
        var merge = new ProjectMerge(parsed.Columns, context.Codes, context.Today, request.OverwriteCorrections);
        var corrections = parsed.Rows.Count == added.Count
            ? ManualCorrections.None
            : await ManualCorrections.LoadAsync(db, ct);
        var plan = await PlanUpdatesAsync(parsed.Rows.Where(r => r.Existing).ToList(), merge, corrections, ct);
        if (plan.Errors.Count > 0)
        {
            return new(fileName, rows, plan.Errors, 0, request.DryRun);
        }

        var report = new ImportReport(fileName, rows, [], request.DryRun ? 0 : added.Count + plan.Changed.Count, request.DryRun)
        {
            Added = added.Select(r => new NewProject(r.Line, r.Project.Id, r.Project.Name, r.Generated)).ToList(),
            HeldBack = heldBack,
            AppliedMappings = parsed.Applied,
            Resembling = resembling,
            DefaultSource = context.DefaultSource,
            Changed = plan.Changed.Select(c => c.Report).ToList(),
            KeptCorrections = plan.Kept,
            Unchanged = plan.Unchanged,
            OverwriteCorrections = request.OverwriteCorrections,
        };
        if (request.DryRun || (added.Count == 0 && plan.Changed.Count == 0))
        {
            return report;
        }

        var entries = await WriteAsync(added, plan.Changed, fileName, request.RegionId, ct);
        return report with { AuditEntries = entries };
    }

    /// <summary>
    /// Writes new projects in bulk (with one audit entry each, also in bulk) and updates changed ones through the
    /// change tracker, which logs each changed column: all in one transaction. Returns the audit entries written.
    /// </summary>
    private async Task<int> WriteAsync(List<ParsedRow> added, List<PlannedChange> changed, string fileName, string regionId, CancellationToken ct)
    {
        var previous = db.Actor;
        var actor = new AuditActor(previous.Name, Channel, fileName, regionId);
        var entries = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            db.Actor = actor;
            await strategy.ExecuteAsync(async () =>
            {
                entries = 0;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var projects = added.Select(r => r.Project).ToList();
                var now = AuditRecorder.Now(clock);
                if (projects.Count > 0)
                {
                    // A large load goes in without per-row foreign key checks, which are then made at once.
                    var keys = projects.Count >= SuspendKeysFromNewProjects
                        ? await BulkWriter.SuspendForeignKeysAsync(db, [typeof(Project), typeof(PhaseChange), typeof(Permit)], ct)
                        : null;
                    await BulkWriter.InsertAsync(db, projects, ct);
                    await BulkWriter.InsertAsync(db, projects.SelectMany(p => p.PhaseHistory).ToList(), ct);
                    await BulkWriter.InsertAsync(db, projects.SelectMany(p => p.Permits).ToList(), ct);
                    using var audit = new RowAudit<Project>(db);
                    // In pieces: each entry holds the whole row as JSON, and 100,000 of them at once would double
                    // the import's peak memory.
                    foreach (var chunk in projects.Chunk(AuditChunk))
                    {
                        await BulkWriter.InsertAsync(db, chunk.Select(p => audit.Added(p, actor, now)).ToList(), ct);
                    }

                    entries += projects.Count;
                    if (keys is not null)
                    {
                        await keys.RestoreAsync(ct);
                    }
                }

                foreach (var batch in changed.Chunk(BatchSize))
                {
                    var ids = batch.Select(c => c.File.Id).ToList();
                    var tracked = await db.Projects.Where(p => ids.Contains(p.Id))
                        .Include(p => p.PhaseHistory).Include(p => p.Permits).AsSplitQuery()
                        .ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, ct);
                    foreach (var change in batch)
                    {
                        var target = tracked[change.File.Id];
                        foreach (var removed in ProjectMerge.Apply(target, change.File, change.Columns))
                        {
                            db.Remove(removed);
                        }
                    }

                    await db.SaveChangesAsync(ct);
                    entries += db.ChangeTracker.Entries<AuditEntry>().Count();
                    db.ChangeTracker.Clear();
                }

                await transaction.CommitAsync(ct);
            });
        }
        finally
        {
            db.Actor = previous;
            db.ChangeTracker.Clear();
        }

        // PostgreSQL has no statistics for freshly loaded rows until autovacuum comes by, and plans scans without the
        // indexes meanwhile (an export of 100,000 just-imported projects took 12 s instead of 6 s). SQLite does not
        // need them.
        if (added.Count >= AnalyzeAfterNewProjects && !db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE projects, phase_changes, permits, audit_entries", ct);
        }

        return entries;
    }

    private const int AnalyzeAfterNewProjects = 1_000;

    /// <summary>From this many new projects on, PostgreSQL checks the foreign keys once after the load instead of per row.</summary>
    private const int SuspendKeysFromNewProjects = 1_000;

    /// <summary>Audit entries of new projects built and written at a time.</summary>
    private const int AuditChunk = 5_000;

    private sealed record PlannedChange(Project File, List<string> Columns, ChangedProject Report);

    private sealed record Plan(List<PlannedChange> Changed, List<KeptCorrection> Kept, int Unchanged, List<ImportError> Errors);

    /// <summary>
    /// Compares the file's projects that are already in the register with the register, in batches, and checks each
    /// changed one as it will be. Only the changes are kept in memory, not the register's projects.
    /// </summary>
    private async Task<Plan> PlanUpdatesAsync(List<ParsedRow> rows, ProjectMerge merge, ManualCorrections corrections, CancellationToken ct)
    {
        var plan = new Plan([], [], 0, []);
        var unchanged = 0;
        foreach (var batch in rows.Chunk(BatchSize))
        {
            var ids = batch.Select(r => r.Project.Id).ToList();
            var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, ct);
            var history = (await db.PhaseChanges.AsNoTracking().Where(c => ids.Contains(c.ProjectId)).ToListAsync(ct)).ToLookup(c => c.ProjectId);
            var permits = (await db.Permits.AsNoTracking().Where(c => ids.Contains(c.ProjectId)).ToListAsync(ct)).ToLookup(c => c.ProjectId);
            foreach (var row in batch)
            {
                if (!projects.TryGetValue(row.Project.Id, out var register))
                {
                    plan.Errors.Add(new(row.Line, C.Id, $"Project '{row.Project.Id}' is zojuist uit het register verwijderd."));
                    continue;
                }

                register.PhaseHistory = [.. history[register.Id].OrderBy(c => c.Date).ThenBy(c => c.Phase)];
                register.Permits = [.. permits[register.Id].OrderBy(c => c.Id)];
                var outcome = merge.Compare(register, row.Project, row.Line, row.SourceGiven, row.SourceDateGiven, corrections, row.StatusColumn);
                plan.Kept.AddRange(outcome.Kept);
                if (outcome.Columns.Count == 0)
                {
                    unchanged++;
                    continue;
                }

                if (ProjectMerge.TouchesHistory(outcome.Columns))
                {
                    ProjectMerge.Apply(register, row.Project, outcome.Columns);
                    foreach (var violation in merge.Validate(register))
                    {
                        plan.Errors.Add(new(row.Line, violation.Field,
                            register.PhaseHistory.Count == 0 ? "Zonder de fasedata in dit bestand houdt het project geen enkele fase over." : violation.Message));
                    }
                }

                plan.Changed.Add(new(row.Project, outcome.Columns, new ChangedProject(row.Line, row.Project.Id, row.Project.Name, outcome.Fields)));
            }
        }

        return plan with { Unchanged = unchanged };
    }

    /// <summary>
    /// New rows that look like a project of the register. A row without an id of its own is held back until a
    /// decision says it is a new project, or the same project as one in the register (then it updates that one). A row
    /// with its own new id is imported (the id is the sender's statement that it is another project) and listed as
    /// resembling, so that a park sent twice under two ids is seen.
    /// </summary>
    private static (List<ParsedRow> Kept, List<PossibleDuplicate> HeldBack, List<PossibleDuplicate> Resembling, List<ImportError> Errors)
        SortOutDuplicates(List<ParsedRow> rows, Context context)
    {
        var kept = new List<ParsedRow>(rows.Count);
        var heldBack = new List<PossibleDuplicate>();
        var resembling = new List<PossibleDuplicate>();
        var errors = new List<ImportError>();
        var inFile = rows.Select(r => r.Project.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var p = row.Project;
            var like = row.Existing ? null : context.Register.Resembles(p.Name, p.MunicipalityId, p.Technique, p.CapacityMw, p.Latitude, p.Longitude);
            if (like is null)
            {
                kept.Add(row);
                continue;
            }

            var duplicate = new PossibleDuplicate(row.Line, p.Id, p.Name, context.Municipalities.All.FirstOrDefault(m => m.Id == p.MunicipalityId)?.Name ?? "",
                like.Project.Id, like.Project.Name, like.Reasons);
            if (!row.Generated)
            {
                resembling.Add(duplicate);
                kept.Add(row);
                continue;
            }

            if (!context.Request.Decisions.TryGetValue(p.Id, out var decision))
            {
                heldBack.Add(duplicate);
                continue;
            }

            if (decision.SameAs is null)
            {
                kept.Add(row);
            }
            else if (!context.ExistingProjects.TryGetValue(decision.SameAs, out var registered) || registered.RegionId != context.RegionId)
            {
                errors.Add(new(row.Line, C.Name, $"Besloten was dat dit hetzelfde project is als '{decision.SameAs}', maar dat project staat niet (meer) in het register van deze regio."));
            }
            else if (context.Request.OnlyMunicipality is { } only && registered.MunicipalityId != only)
            {
                errors.Add(new(row.Line, C.Name, $"Besloten was dat dit hetzelfde project is als '{decision.SameAs}', maar dat ligt in een andere gemeente; u mag alleen projecten van {context.Request.OnlyMunicipalityName} wijzigen."));
            }
            else if (inFile.Contains(decision.SameAs))
            {
                errors.Add(new(row.Line, C.Name, $"Besloten was dat dit hetzelfde project is als '{decision.SameAs}', maar dat project staat zelf ook in dit bestand."));
            }
            else
            {
                // The same project: the row updates the register's project under its own id.
                p.Id = decision.SameAs;
                p.PhaseHistory.ForEach(c => c.ProjectId = decision.SameAs);
                p.Permits.ForEach(c => c.ProjectId = decision.SameAs);
                kept.Add(row with { Existing = true });
            }
        }

        return (kept, heldBack, resembling, errors);
    }

    private static ImportReport Fail(string fileName, string message) => new(fileName, 0, [new(0, "", message)], 0, false);

    private static string Megabytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024m / 1024m).ToString("0.#", DutchFormat.Culture) + " MB",
        >= 1024 => (bytes / 1024m).ToString("0.#", DutchFormat.Culture) + " kB",
        _ => DutchFormat.Number(bytes, 0) + " bytes",
    };

    private sealed record Context(
        ImportRequest Request, DateOnly Today, MunicipalityNames Municipalities, Dictionary<int, string> Codes,
        HashSet<string> SearchAreas, Dictionary<string, (string RegionId, int MunicipalityId)> ExistingProjects,
        DuplicateFinder Register, Dictionary<string, (string Code, string Name, string Region)> Elsewhere)
    {
        public string RegionId => Request.RegionId;

        public string FileName => Request.FileName;

        /// <summary>The public source of a project when the file has none: who imported it and when, not the file's name.</summary>
        public string DefaultSource => $"Import door {Request.Importer} op {DutchFormat.Date(Today)}";
    }

    /// <summary>
    /// What the checks need from the register, or null when the region is not in it. Plain SQL on the open
    /// connection, with the names from the model: these few lookups do not need EF's query pipeline, whose start-up
    /// is a large part of a small import.
    /// </summary>
    private async Task<Context?> LoadContextAsync(ImportRequest request, CancellationToken ct)
    {
        var regionId = request.RegionId;
        var sql = new RegisterSql(db);
        var region = sql.Table<Region>();
        var regionKey = sql.Column<Region>(nameof(Region.Id));
        if (!await ReadAsync(db, $"SELECT {regionKey} FROM {region} WHERE {regionKey} = @region", _ => { }, ct, ("@region", regionId)))
        {
            return null;
        }

        var municipalities = new List<MunicipalityNames.Municipality>();
        var codes = new Dictionary<int, string>();
        var organisations = sql.Table<Organisation>();
        var kind = sql.Column<Organisation>(nameof(Organisation.Kind));
        var municipality = sql.Value<Organisation>(nameof(Organisation.Kind), OrganisationKind.Municipality);
        await ReadAsync(db,
            $"SELECT {sql.Column<Organisation>(nameof(Organisation.Code))}, {sql.Column<Organisation>(nameof(Organisation.Id))}, {sql.Column<Organisation>(nameof(Organisation.Name))} " +
            $"FROM {organisations} WHERE {sql.Column<Organisation>(nameof(Organisation.RegionId))} = @region AND {kind} = @kind",
            r =>
            {
                municipalities.Add(new(r.GetInt32(1), r.GetString(0), r.GetString(2)));
                codes.Add(r.GetInt32(1), r.GetString(0));
            }, ct, ("@region", regionId), ("@kind", municipality));

        // The municipalities of the instance's other regions, by code and by name: a row naming one is refused with the
        // region it belongs to (a werkbureau imports its own region only).
        var elsewhere = new Dictionary<string, (string Code, string Name, string Region)>(StringComparer.OrdinalIgnoreCase);
        await ReadAsync(db,
            $"SELECT o.{sql.Column<Organisation>(nameof(Organisation.Code))}, o.{sql.Column<Organisation>(nameof(Organisation.Name))}, r.{sql.Column<Region>(nameof(Region.Name))} " +
            $"FROM {organisations} o JOIN {region} r ON r.{regionKey} = o.{sql.Column<Organisation>(nameof(Organisation.RegionId))} " +
            $"WHERE o.{sql.Column<Organisation>(nameof(Organisation.RegionId))} <> @region AND o.{kind} = @kind",
            r =>
            {
                var found = (r.GetString(0), r.GetString(1), r.GetString(2));
                elsewhere.TryAdd(found.Item1, found);
                elsewhere.TryAdd(found.Item2, found);
            }, ct, ("@region", regionId), ("@kind", municipality));

        var areas = new HashSet<string>(StringComparer.Ordinal);
        await ReadAsync(db,
            $"SELECT {sql.Column<SearchArea>(nameof(SearchArea.Id))} FROM {sql.Table<SearchArea>()} " +
            $"WHERE {sql.Column<SearchArea>(nameof(SearchArea.RegionId))} = @region",
            r => areas.Add(r.GetString(0)), ct, ("@region", regionId));

        var existing = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        await ReadAsync(db,
            $"SELECT {sql.Column<Project>(nameof(Project.Id))}, {sql.Column<Project>(nameof(Project.RegionId))}, " +
            $"{sql.Column<Project>(nameof(Project.MunicipalityId))} FROM {sql.Table<Project>()}",
            r => existing.Add(r.GetString(0), (r.GetString(1), r.GetInt32(2))), ct);

        // The region's projects as the duplicate check compares them (name, municipality, technique, capacity, location).
        var register = new List<DuplicateFinder.Registered>();
        var p = (string name) => sql.Column<Project>(name);
        await ReadAsync(db,
            $"SELECT {p(nameof(Project.Id))}, {p(nameof(Project.Name))}, {p(nameof(Project.MunicipalityId))}, {p(nameof(Project.Technique))}, " +
            $"{p(nameof(Project.CapacityMw))}, {p(nameof(Project.Latitude))}, {p(nameof(Project.Longitude))} FROM {sql.Table<Project>()} " +
            $"WHERE {p(nameof(Project.RegionId))} = @region",
            r => register.Add(new(
                r.GetString(0), r.GetString(1), r.GetInt32(2), Enum.Parse<Technique>(r.GetString(3)), Convert.ToDecimal(r.GetValue(4), CultureInfo.InvariantCulture),
                r.IsDBNull(5) ? null : r.GetDouble(5), r.IsDBNull(6) ? null : r.GetDouble(6))),
            ct, ("@region", regionId));

        return new(request, DateOnly.FromDateTime(clock.GetLocalNow().Date), new MunicipalityNames(municipalities), codes, areas, existing,
            new DuplicateFinder(register), elsewhere);
    }

    /// <summary>Runs a query and hands each row over; true when there was a row.</summary>
    private static async Task<bool> ReadAsync(
        ResMonitorDbContext db, string sql, Action<DbDataReader> row, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var any = false;
        while (await reader.ReadAsync(ct))
        {
            any = true;
            row(reader);
        }

        return any;
    }

    /// <summary>A good row: the project as the file has it, and whether it is already in the register.</summary>
    private sealed record ParsedRow(int Line, Project Project, bool Existing, bool SourceGiven, bool SourceDateGiven)
    {
        /// <summary>The file gave no id; the import made it (<see cref="GeneratedId"/>) or found the project by name.</summary>
        public bool Generated { get; init; }

        /// <summary>The phase column the row's status stands for, compared on an update as if the file had it.</summary>
        public string? StatusColumn { get; init; }
    }

    private sealed record ParseResult(List<ParsedRow> Rows, List<ImportError> Errors, int BadRowCount, IReadOnlySet<string> Columns)
    {
        public List<UnknownColumn> Unknown { get; init; } = [];

        public Dictionary<string, string> Applied { get; init; } = [];
    }

    private ParseResult ParseCsv(Stream stream, Context context, CancellationToken ct)
    {
        // Strict UTF-8: a file saved as ANSI must not turn "coöperatie" into garbage without a word. The file
        // is parsed as it is read, so it is never held whole in memory; a bad byte or the size limit anywhere
        // in it still fails the file as a whole, whatever the rows before it held.
        using var reader = new StreamReader(new LimitedStream(stream, options.MaxFileBytes),
            new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, ReadBufferSize);
        var csv = new CsvReader(reader);
        var header = csv.ReadHeader();
        return Parse(header, () => string.IsNullOrWhiteSpace(csv.HeaderLine) && string.IsNullOrWhiteSpace(csv.ReadToEnd()), csv.ReadAll(), context, options.MaxRows, ct);
    }

    private ParseResult ParseXlsx(Stream stream, Context context, CancellationToken ct)
    {
        using var workbook = XlsxReader.Open(stream, options);
        workbook.HeaderColumn = text => context.Request.ColumnMapping.TryGetValue(ImportColumns.Key(text), out var mapped)
            ? mapped
            : ImportColumns.Recognise(text).Column ?? text.Trim().ToLowerInvariant();
        var header = workbook.ReadHeader();
        return Parse(header, () => header is null, workbook.ReadAll(), context, options.MaxRows, ct);
    }

    /// <summary>The longest CSV record (all its fields) that is read; a longer one is refused.</summary>
    private const int MaxCsvRecordCharacters = 4 * 1024 * 1024;

    private sealed class RowLimitException(string message) : Exception(message);

    private static ParseResult Parse(CsvRecord? header, Func<bool> isEmpty, IEnumerable<CsvRecord> records, Context context, int maxRows, CancellationToken ct)
    {
        var rows = new List<ParsedRow>();
        var errors = new List<ImportError>();
        var none = new HashSet<string>();
        if (isEmpty())
        {
            errors.Add(new(0, "", "Het bestand is leeg: er staat geen kopregel en geen project in."));
            return new(rows, errors, 0, none);
        }

        // A blank first line with rows after it is a header without column names.
        header ??= new CsvRecord(1, [""]);

        var unknown = new List<UnknownColumn>();
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = ReadHeader(header, context.Request, errors, unknown, applied);
        if (errors.Count > 0)
        {
            return new(rows, errors, 0, none) { Unknown = unknown, Applied = applied };
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var badRows = 0;
        var dataRows = 0;
        foreach (var record in records)
        {
            ct.ThrowIfCancellationRequested();
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++dataRows > maxRows)
            {
                throw new RowLimitException(
                    $"Het bestand heeft meer dan {DutchFormat.Number(maxRows, 0)} projecten (regel {record.Line} is de eerste daarboven); dat is de grens per bestand. " +
                    "Splits het bestand, of verhoog de grens (Import:MaxRows, RESMONITOR_IMPORT_MAX_ROWS of --max-rows). Er is niets ingelezen.");
            }

            if (errors.Count >= ImportOptions.MaxErrors)
            {
                errors.Add(new(0, "", $"Na {DutchFormat.Number(ImportOptions.MaxErrors, 0)} fouten is het lezen gestopt bij regel {record.Line}; verbeter deze eerst."));
                return new(rows, errors, badRows, none);
            }

            var row = new Row(record, columns, errors);
            var before = errors.Count;
            if (record.Fields.Length != header.Fields.Length)
            {
                row.Error("", $"De regel heeft {record.Fields.Length} velden, de kopregel {header.Fields.Length}. Staat er een scheidingsteken of aanhalingsteken te veel in?");
            }
            else if (!row.CharactersAllowed())
            {
                // Reported per cell; the row's other checks would only quote the refused characters back.
            }
            else
            {
                var project = ReadProject(row, context, seen, out var existing, out var generated);
                if (errors.Count == before)
                {
                    var status = row.Has(ImportColumns.Status) && ImportColumns.ParseStatus(row.Text(ImportColumns.Status)) is { } phase
                        ? PhaseRules.FieldOf(phase)
                        : null;
                    rows.Add(new(record.Line, project!, existing, row.OptionalText(C.Source) is not null, row.OptionalText(C.SourceDate) is not null)
                    {
                        Generated = generated,
                        StatusColumn = status,
                    });
                }
            }

            if (errors.Count > before)
            {
                badRows++;
            }
        }

        if (rows.Count == 0 && badRows == 0)
        {
            errors.Add(new(0, "", "Het bestand bevat alleen een kopregel en geen projecten."));
        }

        return new(rows, errors, badRows, columns.Keys.ToHashSet(StringComparer.Ordinal)) { Applied = applied };
    }

    /// <summary>
    /// The columns of the header row: the format's names, the known Dutch variants (<see cref="ImportColumns"/>) and
    /// what the user matched on the upload page. Every problem is an error of the header row; headers that are not
    /// known are also returned, for the column-matching step.
    /// </summary>
    private static Dictionary<string, int> ReadHeader(
        CsvRecord header, ImportRequest request, List<ImportError> errors, List<UnknownColumn> unknown, Dictionary<string, string> applied)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        void Error(string column, string message) => errors.Add(new(1, column, message, Header: true));
        for (var i = 0; i < header.Fields.Length; i++)
        {
            var text = header.Fields[i].Trim();
            if (text.Length == 0)
            {
                Error($"{i + 1}", "Deze kolom heeft geen naam.");
                continue;
            }

            var match = ImportColumns.Recognise(text);
            var column = match.Column;
            if (column is null && request.ColumnMapping.TryGetValue(ImportColumns.Key(text), out var mapped))
            {
                applied[text] = mapped;
                if (mapped == ImportColumns.Ignore)
                {
                    continue;
                }

                column = ImportColumns.Known.Contains(mapped) ? mapped : null;
            }
            else if (match.Candidates is { } candidates)
            {
                Error(text, $"De kolom '{text}' kan twee velden zijn: {ImportColumns.Label(candidates[0])} ({candidates[0]}) of {ImportColumns.Label(candidates[1])} ({candidates[1]}). " +
                            $"Noem de kolom '{candidates[0]}' of '{candidates[1]}', of koppel hem hieronder aan één veld.");
                unknown.Add(new(i + 1, text));
                continue;
            }

            if (column is null)
            {
                Error(text, $"Onbekende kolom '{text}'. Toegestane kolommen: {ImportColumns.AllowedList()}");
                unknown.Add(new(i + 1, text));
            }
            else if (!columns.TryAdd(column, i))
            {
                var first = headers[column];
                Error(column, string.Equals(first, text, StringComparison.OrdinalIgnoreCase)
                    ? "Deze kolom staat twee keer in de kopregel."
                    : $"De kolommen '{first}' (kolom {columns[column] + 1}) en '{text}' (kolom {i + 1}) betekenen allebei '{column}' ({ImportColumns.Label(column)}). Laat er één staan, of geef de andere een eigen naam.");
            }
            else
            {
                headers[column] = text;
            }
        }

        foreach (var required in C.Required.Where(r => r != C.Id && !columns.ContainsKey(r)))
        {
            Error(required, $"De verplichte kolom '{required}' ontbreekt. Verplicht zijn: naam ('Naam project'), techniek, gemeente en vermogen_mw ('Vermogen (MW)').");
        }

        var status = columns.ContainsKey(ImportColumns.Status);
        var statusDate = columns.ContainsKey(ImportColumns.StatusDate);
        if (status && !statusDate)
        {
            Error(ImportColumns.Status, "Er is een kolom status maar geen kolom met de datum van die status ('Datum status' of 'datum'): elke status hoort bij een datum.");
        }
        else if (statusDate && !status)
        {
            Error(ImportColumns.StatusDate, "Er is een kolom met een datum van de status maar geen kolom status: zeg bij elke datum welke fase het project toen bereikte.");
        }
        else if (!status && !C.HistoryPhases.Any(p => columns.ContainsKey(PhaseRules.FieldOf(p))))
        {
            Error("datum_…", "Er is geen kolom met een fase: geef 'Status' met 'Datum status', of kolommen met een fasedatum, zoals datum_vergund of datum_gerealiseerd.");
        }

        return columns;
    }

    private static Project? ReadProject(Row row, Context context, Dictionary<string, int> seen, out bool existing, out bool generated)
    {
        existing = false;
        generated = false;
        var name = row.Text(C.Name);
        if (name.Length == 0)
        {
            row.Error(C.Name, "De naam is leeg.");
        }
        else if (ProjectRules.NameLength(name) is { } nameProblem)
        {
            row.Error(C.Name, nameProblem);
        }

        var municipality = ResolveMunicipality(row, context);
        var municipalityId = municipality?.Id ?? 0;
        var id = row.Text(C.Id);
        if (id.Length == 0 && name.Length > 0 && municipality is not null)
        {
            // No id in the file: the project of that name in that municipality, or a key made from region,
            // municipality and name, so that the same file imported again updates instead of adding twice.
            id = context.Register.SameName(municipality.Id, name)?.Id ?? GeneratedId(context.RegionId, municipality.Code, name);
            generated = true;
        }

        if (id.Length == 0)
        {
            // Without a name or a municipality no id can be made; those are reported already.
        }
        else if (ProjectRules.IdFormat(id) is { } idProblem)
        {
            row.Error(C.Id, idProblem);
        }
        else if (seen.TryGetValue(id, out var firstLine))
        {
            row.Error(generated ? C.Name : C.Id, generated
                ? $"Regel {firstLine} van dit bestand heeft al een project '{name}' in {municipality!.Name}."
                : $"Project-id '{id}' staat ook al op regel {firstLine} van dit bestand.");
        }
        else
        {
            seen[id] = row.Line;
            if (context.ExistingProjects.TryGetValue(id, out var registered))
            {
                existing = true;
                if (registered.RegionId != context.RegionId)
                {
                    row.Error(C.Id, $"Project-id '{id}' staat in het register bij een andere regio ({registered.RegionId}).");
                }
                else if (context.Request.OnlyMunicipality is { } only && registered.MunicipalityId != only)
                {
                    row.Error(C.Id, $"Project '{id}' ligt volgens het register in {context.Codes.GetValueOrDefault(registered.MunicipalityId, "een andere gemeente")}; u mag alleen projecten van {context.Request.OnlyMunicipalityName} wijzigen.");
                }
            }
        }

        var techniqueText = row.Text(C.Technique);
        var technique = ImportColumns.ParseTechnique(techniqueText);
        if (!ProjectRules.IsProjectTechnique(technique))
        {
            row.Error(C.Technique, techniqueText.Length == 0
                ? "De techniek is leeg: kies wind, zon op land of zon op dak."
                : $"Onbekende techniek '{techniqueText}': kies wind, zon op land of zon op dak (ook herkend: Zon, Zonnepark, Zonnedak, Windpark).");
        }

        var capacity = row.Number(C.Capacity, required: true);
        if (capacity is { } mw && ProjectRules.Capacity(mw) is { } capacityProblem)
        {
            row.Error(C.Capacity, capacityProblem);
        }

        var searchArea = row.OptionalText(C.SearchArea);
        if (ProjectRules.SearchArea(searchArea, context.SearchAreas) is { } areaProblem)
        {
            row.Error(C.SearchArea, areaProblem);
        }

        var (latitude, longitude) = ReadLocation(row);
        var measured = ReadYield(row, context.Today);
        var history = ReadHistory(row, id);
        ReadStatus(row, id, history);
        var permit = ReadPermit(row, id, technique, capacity);

        var ownership = row.Number(C.LocalOwnership);
        if (ProjectRules.LocalOwnership(ownership) is { } ownershipProblem)
        {
            row.Error(C.LocalOwnership, ownershipProblem);
        }

        foreach (var (column, what) in TextColumns)
        {
            if (ProjectRules.TextLength(row.OptionalText(column), what) is { } lengthProblem)
            {
                row.Error(column, lengthProblem);
            }
        }

        var example = row.OptionalText(C.Example)?.ToLowerInvariant() switch
        {
            null or "nee" or "n" or "no" or "false" or "0" => false,
            "ja" or "j" or "yes" or "true" or "1" => true,
            var other => row.Error(C.Example, $"'{other}' is geen ja of nee.") && false,
        };

        var sourceDate = row.Date(C.SourceDate) ?? context.Today;
        if (ProjectRules.SourceDate(sourceDate, context.Today) is { } sourceDateProblem)
        {
            row.Error(C.SourceDate, sourceDateProblem);
        }

        var permits = permit is null ? new List<Permit>() : [permit];
        // A project already in the register may leave out phase columns (they stay as they are); its history as a
        // whole is checked again once merged with the register's.
        if (!(existing && history.Count == 0))
        {
            foreach (var violation in PhaseRules.Validate(history, permits, context.Today))
            {
                row.Error(violation.Field, violation.Message);
            }
        }

        if (row.HasErrors)
        {
            return null;
        }

        var current = history.Count > 0 ? history[^1] : new PhaseChange { ProjectId = id, Phase = Phase.Idea, Date = default };
        return new Project
        {
            Id = id,
            RegionId = context.RegionId,
            Name = name,
            Technique = technique!.Value,
            CapacityMw = capacity!.Value,
            MunicipalityId = municipalityId,
            SearchAreaId = searchArea,
            Latitude = latitude,
            Longitude = longitude,
            MeasuredYieldMwh = measured?.Mwh,
            MeasuredYieldYear = measured?.Year,
            Owners = row.OptionalText(C.Owners),
            LocalOwnershipPercent = ownership,
            Participation = row.OptionalText(C.Participation),
            Phase = current.Phase,
            PhaseDate = history.Count > 0 ? current.Date : null,
            IsExample = example,
            Source = row.OptionalText(C.Source) ?? context.DefaultSource,
            SourceDate = sourceDate,
            PhaseHistory = history,
            Permits = permits,
        };
    }

    /// <summary>
    /// The one place where an import row's municipality is decided: a name or CBS code of the region
    /// (<see cref="MunicipalityNames"/>), and for a redacteur only their own. Null, with the error reported, otherwise.
    /// </summary>
    private static MunicipalityNames.Municipality? ResolveMunicipality(Row row, Context context)
    {
        var text = row.Text(C.Municipality);
        var resolution = context.Municipalities.Resolve(text);
        if (resolution.Found is null && context.Elsewhere.TryGetValue(text.Trim(), out var other))
        {
            row.Error(C.Municipality,
                $"Gemeente {other.Name} ({other.Code}) hoort bij {other.Region}, niet bij deze regio: u kunt alleen projecten van uw eigen regio inlezen.");
            return null;
        }

        if (resolution.Found is not { } municipality)
        {
            var looksLikeCode = text.Length > 2 && text.StartsWith("GM", StringComparison.OrdinalIgnoreCase) && text[2..].All(char.IsAsciiDigit);
            row.Error(C.Municipality, looksLikeCode
                ? $"Onbekende gemeentecode '{text}': geen gemeente van deze regio heeft die code. Gemeenten in deze regio: {string.Join(", ", context.Municipalities.All.Select(m => $"{m.Name} ({m.Code})"))}."
                : resolution.Problem!);
            return null;
        }

        if (context.Request.OnlyMunicipality is { } only && municipality.Id != only)
        {
            var named = text.StartsWith("GM", StringComparison.OrdinalIgnoreCase) ? text.ToUpperInvariant() : municipality.Name;
            row.Error(C.Municipality, $"Dit project ligt in {named}; u mag alleen projecten van {context.Request.OnlyMunicipalityName} inlezen.");
            return null;
        }

        return municipality;
    }

    /// <summary>
    /// The id of a project the file gives none: region, municipality code and name as a readable key
    /// ("drenthe-gm0114-zonnepark-de-hooge-stoep"), the same for the same row every time. A long name is cut and
    /// followed by a short hash of the whole, so that two long names never share an id.
    /// </summary>
    public static string GeneratedId(string regionId, string municipalityCode, string name)
    {
        var id = Slug.From($"{regionId} {municipalityCode} {name}");
        if (id.Length <= 64)
        {
            return id;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..8];
        return id[..55].TrimEnd('-') + "-" + hash;
    }

    private static (double? Latitude, double? Longitude) ReadLocation(Row row)
    {
        var before = row.ErrorCount;
        var lat = row.Number(C.Latitude);
        var lon = row.Number(C.Longitude);
        var x = row.Number(C.RdX);
        var y = row.Number(C.RdY);
        if (row.ErrorCount > before)
        {
            return (null, null);
        }

        if ((lat is null) != (lon is null))
        {
            row.Error(lat is null ? C.Latitude : C.Longitude, "Geef lat en lon allebei, of geen van beide.");
            return (null, null);
        }

        if ((x is null) != (y is null))
        {
            row.Error(x is null ? C.RdX : C.RdY, "Geef rd_x en rd_y allebei, of geen van beide.");
            return (null, null);
        }

        if (lat is not null && x is not null)
        {
            row.Error(C.RdX, "Geef de ligging in lat/lon óf in RD (rd_x/rd_y), niet allebei.");
            return (null, null);
        }

        if (x is { } rdX && y is { } rdY)
        {
            if (!RdCoordinates.IsInNetherlands((double)rdX, (double)rdY))
            {
                row.Error(C.RdX, $"De RD-coördinaten ({rdX}, {rdY}) liggen buiten Nederland. RD-coördinaten zijn meters: x van 0 tot 300.000, y van 289.000 tot 629.000.");
                return (null, null);
            }

            var (latitude, longitude) = RdCoordinates.ToWgs84((double)rdX, (double)rdY);
            return (Math.Round(latitude, 6), Math.Round(longitude, 6));
        }

        if (lat is { } la && lon is { } lo && !RdCoordinates.IsInNetherlandsWgs84((double)la, (double)lo))
        {
            row.Error(C.Latitude, $"De ligging ({la}, {lo}) ligt buiten Nederland. Zijn lat en lon verwisseld?");
            return (null, null);
        }

        return ((double?)lat, (double?)lon);
    }

    private static (decimal Mwh, int? Year)? ReadYield(Row row, DateOnly today)
    {
        var value = row.Number(C.MeasuredYield);
        var unit = row.OptionalText(C.YieldUnit);
        var year = (int?)row.Number(C.YieldYear);
        if (ProjectRules.MeasuredYieldYear(year, today) is { } yearProblem)
        {
            row.Error(C.YieldYear, yearProblem);
        }

        if (value is null)
        {
            return null;
        }

        if (ProjectRules.MeasuredYield(value) is { } yieldProblem)
        {
            row.Error(C.MeasuredYield, yieldProblem);
            return null;
        }

        decimal? factor = unit?.ToLowerInvariant() switch
        {
            null => null,
            "kwh" => 0.001m,
            "mwh" => 1m,
            "gwh" => 1_000m,
            _ => null,
        };
        if (factor is null)
        {
            row.Error(C.YieldUnit, unit is null
                ? "Bij een gemeten opbrengst hoort een eenheid: kWh, MWh of GWh."
                : $"Onbekende eenheid '{unit}': gebruik kWh, MWh of GWh.");
            return null;
        }

        return (value.Value * factor.Value, year);
    }

    private static List<PhaseChange> ReadHistory(Row row, string id)
    {
        var history = new List<PhaseChange>(4);
        for (var i = 0; i < HistoryFields.Length; i++)
        {
            if (row.Date(HistoryFields[i]) is { } date)
            {
                history.Add(new PhaseChange { ProjectId = id, Phase = C.HistoryPhases[i], Date = date });
            }
        }

        return history;
    }

    /// <summary>
    /// The status column with its date ("Vergund", 1-3-2024) as one more dated phase. A status without a date, a date
    /// without a status, an unknown status, or a date that the same phase's own column contradicts is an error.
    /// </summary>
    private static void ReadStatus(Row row, string id, List<PhaseChange> history)
    {
        if (!row.Has(ImportColumns.Status))
        {
            return;
        }

        var text = row.Text(ImportColumns.Status);
        var before = row.ErrorCount;
        var date = row.Date(ImportColumns.StatusDate);
        if (row.ErrorCount > before)
        {
            return;
        }

        if (text.Length == 0 && date is null)
        {
            return;
        }

        if (text.Length == 0)
        {
            row.Error(ImportColumns.Status, $"Er staat een datum ({DutchFormat.Date(date!.Value)}) maar geen status: vul in welke fase het project op die datum bereikte, bijvoorbeeld {string.Join(", ", ImportColumns.StatusNames.Take(3))}.");
            return;
        }

        if (ImportColumns.ParseStatus(text) is not { } phase)
        {
            row.Error(ImportColumns.Status, $"Onbekende status '{text}'. Kies uit: {string.Join(", ", ImportColumns.StatusNames)}.");
            return;
        }

        if (date is null)
        {
            row.Error(ImportColumns.StatusDate, $"Bij de status '{text}' hoort een datum: sinds wanneer is het project {Labels.Phase(phase)}? Schrijf 2024-03-01 of 1-3-2024.");
            return;
        }

        var same = history.FirstOrDefault(c => c.Phase == phase);
        if (same is null)
        {
            history.Add(new PhaseChange { ProjectId = id, Phase = phase, Date = date.Value });
            history.Sort((a, b) => a.Phase.CompareTo(b.Phase));
        }
        else if (same.Date != date.Value)
        {
            row.Error(ImportColumns.StatusDate, $"De status '{text}' sinds {DutchFormat.Date(date.Value)} spreekt de kolom {PhaseRules.FieldOf(phase)} ({DutchFormat.Date(same.Date)}) tegen.");
        }
    }

    private static Permit? ReadPermit(Row row, string id, Technique? technique, decimal? capacity)
    {
        var authorityText = row.OptionalText(C.Authority);
        var caseNumber = row.OptionalText(C.CaseNumber);
        var applied = row.Date(C.PermitApplied);
        var granted = row.Date(C.PermitGranted);
        var irrevocable = row.Date(C.PermitIrrevocable);
        var handedOver = row.Date(C.HandedOver);
        if (authorityText is null && caseNumber is null && applied is null && granted is null && irrevocable is null && handedOver is null)
        {
            return null;
        }

        CompetentAuthority? authority = null;
        if (authorityText is not null)
        {
            authority = Labels.ParseAuthority(authorityText);
            if (authority is null)
            {
                row.Error(C.Authority, $"Onbekend bevoegd gezag '{authorityText}': kies gemeente, provincie of Rijk.");
            }
        }

        if (ProjectRules.CaseNumber(caseNumber) is { } caseProblem)
        {
            row.Error(C.CaseNumber, caseProblem);
        }

        if (technique is { } t && capacity is > 0m and { } mw)
        {
            if (authority is { } given && ProjectRules.Authority(given, t, mw, handedOver) is { } authorityProblem)
            {
                row.Error(C.Authority, authorityProblem);
            }

            authority ??= CompetentAuthorityRule.Decide(t, mw, handedOver).Authority;
        }

        return new Permit
        {
            ProjectId = id,
            CompetentAuthority = authority ?? CompetentAuthority.Municipality,
            CaseNumber = caseNumber,
            AppliedOn = applied,
            GrantedOn = granted,
            IrrevocableOn = irrevocable,
            HandedOverToProvinceOn = handedOver,
        };
    }

    /// <summary>One data row with typed access to its cells; every problem is recorded with line and column.</summary>
    private sealed class Row(CsvRecord record, Dictionary<string, int> columns, List<ImportError> errors)
    {
        private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "dd-MM-yyyy"];
        private bool _hasErrors;

        public int Line => record.Line;

        public bool HasErrors => _hasErrors;

        public int ErrorCount => errors.Count;

        public bool Error(string column, string message)
        {
            errors.Add(new(record.Line, column, message));
            _hasErrors = true;
            return true;
        }

        /// <summary>Every cell of a known column against <see cref="TextRule"/>; false (and each reported) when one fails.</summary>
        public bool CharactersAllowed()
        {
            var allowed = true;
            foreach (var (column, i) in columns)
            {
                var field = record.Fields[i];
                var at = TextRule.FirstForbidden(field);
                if (at >= 0)
                {
                    Error(column, TextRule.Message("De cel", field[at], at));
                    allowed = false;
                }
            }

            return allowed;
        }

        /// <summary>The trimmed cell, with the quote that export puts before formula-like text taken off again.</summary>
        public string Text(string column)
        {
            var text = columns.TryGetValue(column, out var i) ? record.Fields[i].Trim() : "";
            return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
        }

        public string? OptionalText(string column) => Text(column) is { Length: > 0 } s ? s : null;

        public bool Has(string column) => columns.ContainsKey(column);

        public decimal? Number(string column, bool required = false)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                if (required)
                {
                    Error(column, "Dit getal ontbreekt.");
                }

                return null;
            }

            if (DutchNumber.TryParse(text, out var value, out var error))
            {
                return value;
            }

            Error(column, char.ToUpperInvariant(error[0]) + error[1..] + ".");
            return null;
        }

        public DateOnly? Date(string column)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (TryParseDigits(text, out var date)
                || DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                return date;
            }

            Error(column, $"'{text}' is geen datum: schrijf 2024-03-01 of 1-3-2024.");
            return null;
        }

        /// <summary>
        /// The common shapes yyyy-MM-dd and d-M-yyyy (one or two digits) read directly, only when they form a real
        /// date: exactly what <see cref="DateFormats"/> accepts for them. Everything else goes to the full parser.
        /// </summary>
        private static bool TryParseDigits(string text, out DateOnly date)
        {
            date = default;
            var first = text.IndexOf('-', StringComparison.Ordinal);
            var second = first < 0 ? -1 : text.IndexOf('-', first + 1);
            if (second < 0 || text.IndexOf('-', second + 1) >= 0)
            {
                return false;
            }

            var a = text.AsSpan(0, first);
            var b = text.AsSpan(first + 1, second - first - 1);
            var c = text.AsSpan(second + 1);
            int year, month, day;
            if (a.Length == 4 && b.Length == 2 && c.Length == 2)
            {
                (year, month, day) = (Digits(a), Digits(b), Digits(c));
            }
            else if (a.Length is 1 or 2 && b.Length is 1 or 2 && c.Length == 4)
            {
                (day, month, year) = (Digits(a), Digits(b), Digits(c));
            }
            else
            {
                return false;
            }

            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            date = new DateOnly(year, month, day);
            return true;
        }

        /// <summary>The value of a run of ASCII digits, or -1 when anything else is in it.</summary>
        private static int Digits(ReadOnlySpan<char> text)
        {
            var value = 0;
            foreach (var c in text)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return -1;
                }

                value = (value * 10) + (c - '0');
            }

            return value;
        }
    }
}
