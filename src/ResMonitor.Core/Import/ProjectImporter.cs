using System.Buffers;
using System.Globalization;
using System.Text;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Geo;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Import;

/// <summary>
/// Reads a project file (docs/import-format.md), checks every row and writes all of it in one transaction, or
/// nothing when any row is wrong. New projects only: a project id that is already in the register is an error.
/// </summary>
public sealed class ProjectImporter(ResMonitorDbContext db, ImportOptions options, TimeProvider clock)
{

    public const decimal MaxCapacityMw = 2_000m;

    private const int ReadBufferSize = 64 * 1024;

    /// <summary>The column of each phase date, in <see cref="C.HistoryPhases"/> order.</summary>
    private static readonly string[] HistoryFields = C.HistoryPhases.Select(PhaseRules.FieldOf).ToArray();

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public async Task<ImportReport> ImportFileAsync(string regionId, string path, bool dryRun, CancellationToken ct = default)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail(name, $"Het bestand '{path}' bestaat niet.");
        }

        await using var stream = info.OpenRead();
        return await ImportAsync(regionId, stream, name, info.Length, dryRun, ct);
    }

    /// <summary>
    /// Checks and imports a file. The stream is read synchronously while it is parsed: give it a file or a buffered
    /// upload, not a raw request body.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        string regionId, Stream stream, string fileName, long? length, bool dryRun, CancellationToken ct = default)
    {
        if (length > options.MaxFileBytes)
        {
            return Fail(fileName,
                $"Het bestand is {Megabytes(length.Value)} groot; de grens is {Megabytes(options.MaxFileBytes)}. Er is niets ingelezen.");
        }

        Context? context;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            context = await LoadContextAsync(regionId, fileName, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (context is null)
        {
            return Fail(fileName, $"De regio '{regionId}' staat niet in het register.");
        }

        ParseResult parsed;
        try
        {
            // Strict UTF-8: a file saved as ANSI must not turn "coöperatie" into garbage without a word. The file
            // is parsed as it is read, so it is never held whole in memory; a bad byte or the size limit anywhere
            // in it still fails the file as a whole, whatever the rows before it held.
            using var reader = new StreamReader(new LimitedStream(stream, options.MaxFileBytes),
                new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, ReadBufferSize);
            parsed = Parse(reader, context, ct);
        }
        catch (DecoderFallbackException)
        {
            return Fail(fileName, "Het bestand is geen UTF-8-tekst. Sla het in Excel op als 'CSV UTF-8 (door lussen gescheiden)'.");
        }
        catch (FileTooLargeException)
        {
            return Fail(fileName, $"Het bestand is groter dan de grens van {Megabytes(options.MaxFileBytes)}. Er is niets ingelezen.");
        }
        if (parsed.Errors.Count > 0 || dryRun)
        {
            return new(fileName, parsed.Projects.Count + parsed.BadRowCount, parsed.Errors, 0, dryRun);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkWriter.InsertAsync(db, parsed.Projects, ct);
            await BulkWriter.InsertAsync(db, parsed.Projects.SelectMany(p => p.PhaseHistory).ToList(), ct);
            await BulkWriter.InsertAsync(db, parsed.Projects.SelectMany(p => p.Permits).ToList(), ct);
            await transaction.CommitAsync(ct);
        });
        return new(fileName, parsed.Projects.Count, [], parsed.Projects.Count, false);
    }

    private static ImportReport Fail(string fileName, string message) => new(fileName, 0, [new(0, "", message)], 0, false);

    private static string Megabytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024m / 1024m).ToString("0.#", DutchFormat.Culture) + " MB",
        >= 1024 => (bytes / 1024m).ToString("0.#", DutchFormat.Culture) + " kB",
        _ => DutchFormat.Number(bytes, 0) + " bytes",
    };

    private sealed record Context(
        string RegionId, string FileName, DateOnly Today, Dictionary<string, int> Municipalities,
        HashSet<string> SearchAreas, HashSet<string> ExistingProjects);

    /// <summary>
    /// What the checks need from the register, or null when the region is not in it. Plain SQL on the open
    /// connection, with the names from the model: these few lookups do not need EF's query pipeline, whose start-up
    /// is a large part of a small import.
    /// </summary>
    private async Task<Context?> LoadContextAsync(string regionId, string fileName, CancellationToken ct)
    {
        var sql = new RegisterSql(db);
        var region = sql.Table<Region>();
        var regionKey = sql.Column<Region>(nameof(Region.Id));
        if (!await ReadAsync(db, $"SELECT {regionKey} FROM {region} WHERE {regionKey} = @region", _ => { }, ct, ("@region", regionId)))
        {
            return null;
        }

        var municipalities = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var organisations = sql.Table<Organisation>();
        var kind = sql.Column<Organisation>(nameof(Organisation.Kind));
        var municipality = sql.Value<Organisation>(nameof(Organisation.Kind), OrganisationKind.Municipality);
        await ReadAsync(db,
            $"SELECT {sql.Column<Organisation>(nameof(Organisation.Code))}, {sql.Column<Organisation>(nameof(Organisation.Id))} " +
            $"FROM {organisations} WHERE {sql.Column<Organisation>(nameof(Organisation.RegionId))} = @region AND {kind} = @kind",
            r => municipalities.Add(r.GetString(0), r.GetInt32(1)), ct, ("@region", regionId), ("@kind", municipality));

        var areas = new HashSet<string>(StringComparer.Ordinal);
        await ReadAsync(db,
            $"SELECT {sql.Column<SearchArea>(nameof(SearchArea.Id))} FROM {sql.Table<SearchArea>()} " +
            $"WHERE {sql.Column<SearchArea>(nameof(SearchArea.RegionId))} = @region",
            r => areas.Add(r.GetString(0)), ct, ("@region", regionId));

        var existing = new HashSet<string>(StringComparer.Ordinal);
        await ReadAsync(db, $"SELECT {sql.Column<Project>(nameof(Project.Id))} FROM {sql.Table<Project>()}",
            r => existing.Add(r.GetString(0)), ct);

        return new(regionId, fileName, DateOnly.FromDateTime(clock.GetLocalNow().Date), municipalities, areas, existing);
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

    private sealed record ParseResult(List<Project> Projects, List<ImportError> Errors, int BadRowCount);

    private static ParseResult Parse(TextReader text, Context context, CancellationToken ct)
    {
        var projects = new List<Project>();
        var errors = new List<ImportError>();
        var csv = new CsvReader(text);
        var header = csv.ReadHeader();
        if (string.IsNullOrWhiteSpace(csv.HeaderLine) && string.IsNullOrWhiteSpace(csv.ReadToEnd()))
        {
            errors.Add(new(0, "", "Het bestand is leeg: er staat geen kopregel en geen project in."));
            return new(projects, errors, 0);
        }

        // A blank first line with rows after it is a header without column names.
        header ??= new CsvRecord(1, [""]);

        var columns = ReadHeader(header, errors);
        if (errors.Count > 0)
        {
            return new(projects, errors, 0);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var badRows = 0;
        foreach (var record in csv.ReadAll())
        {
            ct.ThrowIfCancellationRequested();
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new Row(record, columns, errors);
            var before = errors.Count;
            if (record.Fields.Length != header.Fields.Length)
            {
                row.Error("", $"De regel heeft {record.Fields.Length} velden, de kopregel {header.Fields.Length}. Staat er een scheidingsteken of aanhalingsteken te veel in?");
            }
            else
            {
                var project = ReadProject(row, context, seen);
                if (errors.Count == before)
                {
                    projects.Add(project!);
                }
            }

            if (errors.Count > before)
            {
                badRows++;
            }
        }

        if (projects.Count == 0 && badRows == 0)
        {
            errors.Add(new(0, "", "Het bestand bevat alleen een kopregel en geen projecten."));
        }

        return new(projects, errors, badRows);
    }

    private static Dictionary<string, int> ReadHeader(CsvRecord header, List<ImportError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                errors.Add(new(1, $"{i + 1}", "Deze kolom heeft geen naam."));
            }
            else if (!C.Columns.Contains(name))
            {
                errors.Add(new(1, name, $"Onbekende kolom '{header.Fields[i].Trim()}'. Toegestane kolommen staan in docs/import-format.md."));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new(1, name, "Deze kolom staat twee keer in de kopregel."));
            }
        }

        foreach (var required in C.Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new(1, required, $"De verplichte kolom '{required}' ontbreekt."));
        }

        if (!C.HistoryPhases.Any(p => columns.ContainsKey(PhaseRules.FieldOf(p))))
        {
            errors.Add(new(1, "datum_…", "Er is geen kolom met een fasedatum, zoals datum_vergund of datum_gerealiseerd."));
        }

        return columns;
    }

    private static Project? ReadProject(Row row, Context context, Dictionary<string, int> seen)
    {
        var id = row.Text(C.Id);
        if (id.Length == 0)
        {
            row.Error(C.Id, "Het project-id is leeg.");
        }
        else if (id.Length > 64 || id.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            row.Error(C.Id, $"'{id}' is geen geldig project-id: gebruik letters, cijfers, punt, liggend streepje of koppelteken, hoogstens 64 tekens.");
        }
        else if (seen.TryGetValue(id, out var firstLine))
        {
            row.Error(C.Id, $"Project-id '{id}' staat ook al op regel {firstLine} van dit bestand.");
        }
        else
        {
            seen[id] = row.Line;
            if (context.ExistingProjects.Contains(id))
            {
                row.Error(C.Id, $"Project-id '{id}' bestaat al in het register. Een import voegt alleen nieuwe projecten toe.");
            }
        }

        var name = row.Text(C.Name);
        if (name.Length == 0)
        {
            row.Error(C.Name, "De naam is leeg.");
        }
        else if (name.Length > 200)
        {
            row.Error(C.Name, "De naam is langer dan 200 tekens.");
        }

        var techniqueText = row.Text(C.Technique);
        var technique = Labels.ParseTechnique(techniqueText);
        if (technique is null or Technique.TechnologyNeutral)
        {
            row.Error(C.Technique, $"Onbekende techniek '{techniqueText}': kies wind, zon op land of zon op dak.");
        }

        var municipalityCode = row.Text(C.Municipality);
        if (!context.Municipalities.TryGetValue(municipalityCode, out var municipalityId))
        {
            row.Error(C.Municipality, municipalityCode.Length == 0
                ? "De gemeente is leeg: geef de CBS-code, bijvoorbeeld GM0106."
                : $"Onbekende gemeentecode '{municipalityCode}': deze gemeente hoort niet bij de regio.");
        }

        var capacity = row.Number(C.Capacity, required: true);
        if (capacity is <= 0m)
        {
            row.Error(C.Capacity, $"Het vermogen moet groter dan 0 MW zijn, niet {DutchFormat.Number(capacity.Value, 1)}.");
        }
        else if (capacity > MaxCapacityMw)
        {
            row.Error(C.Capacity, $"{DutchFormat.Number(capacity.Value, 0)} MW is onwaarschijnlijk groot (meer dan 2.000 MW). Staat het in kW?");
        }

        var searchArea = row.OptionalText(C.SearchArea);
        if (searchArea is not null && !context.SearchAreas.Contains(searchArea))
        {
            row.Error(C.SearchArea, $"Onbekend zoekgebied '{searchArea}'.");
        }

        var (latitude, longitude) = ReadLocation(row);
        var measured = ReadYield(row);
        var history = ReadHistory(row, id);
        var permit = ReadPermit(row, id, technique, capacity);

        var ownership = row.Number(C.LocalOwnership);
        if (ownership is < 0m or > 100m)
        {
            row.Error(C.LocalOwnership, $"Lokaal eigendom is een percentage van 0 tot 100, niet {DutchFormat.Number(ownership.Value, 1)}.");
        }

        var example = row.OptionalText(C.Example)?.ToLowerInvariant() switch
        {
            null or "nee" or "n" or "no" or "false" or "0" => false,
            "ja" or "j" or "yes" or "true" or "1" => true,
            var other => row.Error(C.Example, $"'{other}' is geen ja of nee.") && false,
        };

        var sourceDate = row.Date(C.SourceDate) ?? context.Today;
        if (sourceDate > context.Today)
        {
            row.Error(C.SourceDate, $"De peildatum {DutchFormat.Date(sourceDate)} ligt in de toekomst.");
        }

        var permits = permit is null ? new List<Permit>() : [permit];
        foreach (var violation in PhaseRules.Validate(history, permits, context.Today))
        {
            row.Error(violation.Field, violation.Message);
        }

        if (row.HasErrors)
        {
            return null;
        }

        var current = history[^1];
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
            PhaseDate = current.Date,
            IsExample = example,
            Source = row.OptionalText(C.Source) ?? context.FileName,
            SourceDate = sourceDate,
            PhaseHistory = history,
            Permits = permits,
        };
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

    private static (decimal Mwh, int? Year)? ReadYield(Row row)
    {
        var value = row.Number(C.MeasuredYield);
        var unit = row.OptionalText(C.YieldUnit);
        var year = (int?)row.Number(C.YieldYear);
        if (value is null)
        {
            return null;
        }

        if (value < 0)
        {
            row.Error(C.MeasuredYield, "De gemeten opbrengst kan niet negatief zijn.");
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

        if (technique is { } t && capacity is > 0m and { } mw)
        {
            var rule = CompetentAuthorityRule.Decide(t, mw, handedOver);
            if (authority is { } given && given != rule.Authority)
            {
                row.Error(C.Authority, $"Bevoegd gezag '{Labels.Authority(given)}' past niet bij de regel: {rule.Reason}");
            }

            authority ??= rule.Authority;
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

        /// <summary>The trimmed cell, with the quote that export puts before formula-like text taken off again.</summary>
        public string Text(string column)
        {
            var text = columns.TryGetValue(column, out var i) ? record.Fields[i].Trim() : "";
            return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
        }

        public string? OptionalText(string column) => Text(column) is { Length: > 0 } s ? s : null;

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
