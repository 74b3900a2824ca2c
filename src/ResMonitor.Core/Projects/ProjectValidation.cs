using System.Buffers;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Geo;
using ResMonitor.Core.Import;

namespace ResMonitor.Core.Projects;

/// <summary>What the checks need to know about the register.</summary>
/// <param name="Municipalities">The region's municipalities, CBS code to id.</param>
/// <param name="SearchAreas">The region's search areas by id.</param>
public sealed record ValidationContext(
    IReadOnlyDictionary<string, int> Municipalities, IReadOnlySet<string> SearchAreas, DateOnly Today);

/// <summary>
/// The project rules, once, for every channel: the importer (CSV, XLSX), the editor's forms and the API call these
/// and only add how their input is spelled (a file names the column and line, a form the field). Each rule gives
/// its Dutch message, naming the field, or null when the value is good.
/// </summary>
public static class ProjectRules
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2_000;
    public const int MaxCaseNumberLength = 100;

    /// <summary>Above this a capacity is taken for a value in kW.</summary>
    public const decimal MaxCapacityMw = 2_000m;

    /// <summary>The earliest year a measured yield can be for.</summary>
    public const int FirstYieldYear = 1990;

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>A project key that is given but not well formed.</summary>
    public static string? IdFormat(string id) =>
        id.Length > MaxIdLength || id.AsSpan().ContainsAnyExcept(IdCharacters)
            ? $"'{id}' is geen geldig project-id: gebruik letters, cijfers, punt, liggend streepje of koppelteken, hoogstens {MaxIdLength} tekens."
            : null;

    public static string? NameLength(string name) => name.Length > MaxNameLength ? $"De naam is langer dan {MaxNameLength} tekens." : null;

    /// <summary>A technique a project can have (not "technologieneutraal", which only targets have).</summary>
    public static bool IsProjectTechnique(Technique? technique) => technique is not (null or Technique.TechnologyNeutral);

    public static string? Capacity(decimal mw) => mw switch
    {
        <= 0m => $"Het vermogen moet groter dan 0 MW zijn, niet {DutchFormat.Number(mw, 1)}.",
        > MaxCapacityMw => $"{DutchFormat.Number(mw, 0)} MW is onwaarschijnlijk groot (meer dan 2.000 MW). Staat het in kW?",
        _ => null,
    };

    public static string? SearchArea(string? id, IReadOnlySet<string> areas) =>
        id is not null && !areas.Contains(id) ? $"Onbekend zoekgebied '{id}'." : null;

    public static string? MeasuredYield(decimal? mwh) => mwh is < 0m ? "De gemeten opbrengst kan niet negatief zijn." : null;

    public static string? MeasuredYieldYear(int? year, DateOnly today) =>
        year is { } y && (y < FirstYieldYear || y > today.Year)
            ? $"Het jaar van de meting moet tussen {FirstYieldYear} en {today.Year} liggen, niet {y}."
            : null;

    public static string? LocalOwnership(decimal? percent) =>
        percent is { } p and (< 0m or > 100m) ? $"Lokaal eigendom is een percentage van 0 tot 100, niet {DutchFormat.Number(p, 1)}." : null;

    public static string? SourceDate(DateOnly date, DateOnly today) =>
        date > today ? $"De peildatum {DutchFormat.Date(date)} ligt in de toekomst." : null;

    public static string? HandedOver(DateOnly? date, DateOnly today) =>
        date is { } d && d > today ? $"De datum van overdracht aan de provincie ({DutchFormat.Date(d)}) ligt in de toekomst." : null;

    /// <summary>A free text (owners, participation, source, note) within its length; <paramref name="what"/> names the field.</summary>
    public static string? TextLength(string? text, string what) =>
        text?.Trim().Length > MaxTextLength ? $"{what} is langer dan {DutchFormat.Number(MaxTextLength, 0)} tekens." : null;

    /// <summary>Characters no text may hold (<see cref="TextRule"/>); <paramref name="what"/> names the field.</summary>
    public static string? Characters(string? text, string what) => TextRule.Check(text, what);

    public static string? CaseNumber(string? text) =>
        text?.Trim().Length > MaxCaseNumberLength ? $"Het zaaknummer is langer dan {MaxCaseNumberLength} tekens." : null;

    /// <summary>The stated competent authority against the rule for the technique and capacity, or null when it agrees.</summary>
    public static string? Authority(CompetentAuthority stated, Technique technique, decimal capacityMw, DateOnly? handedOver)
    {
        var rule = CompetentAuthorityRule.Decide(technique, capacityMw, handedOver);
        return rule.Authority == stated ? null : $"Bevoegd gezag '{Labels.Authority(stated)}' past niet bij de regel: {rule.Reason}";
    }
}

/// <summary>
/// The register's rules for one project, in Dutch, per field: <see cref="ProjectRules"/> (the same as the import)
/// plus what only a form has (the new phase), for the site's forms and the API.
/// </summary>
public static class ProjectValidation
{
    public const int MaxIdLength = ProjectRules.MaxIdLength;
    public const int MaxNameLength = ProjectRules.MaxNameLength;
    public const int MaxTextLength = ProjectRules.MaxTextLength;

    /// <summary>The earliest year a measured yield can be for.</summary>
    public const int FirstYieldYear = ProjectRules.FirstYieldYear;

    /// <summary>The message for a project key that is not well formed, or null when it is.</summary>
    public static string? CheckId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "Geef het project-id, bijvoorbeeld DR-W-012.";
        }

        if (ProjectRules.IdFormat(id) is { } problem)
        {
            return problem;
        }

        // The address of the form for a new project.
        return id.Equals("nieuw", StringComparison.OrdinalIgnoreCase) ? "'nieuw' kan geen project-id zijn: kies een andere sleutel." : null;
    }

    /// <summary>
    /// Checks a submitted project. <paramref name="history"/> is the project's phase history so far (oldest first;
    /// empty for a new project), to which <see cref="ProjectInput.NewPhase"/> is added.
    /// </summary>
    public static List<RuleViolation> Validate(ProjectInput input, ValidationContext context, IReadOnlyList<PhaseChange> history, bool isNew)
    {
        var errors = new List<RuleViolation>();
        void Error(string field, string message) => errors.Add(new(field, message));

        CheckCharacters(input, errors);

        if (isNew && CheckId(input.Id?.Trim()) is { } idError)
        {
            Error(ProjectFields.Id, idError);
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Error(ProjectFields.Name, "Geef de naam van het project.");
        }
        else if (ProjectRules.NameLength(name) is { } nameProblem)
        {
            Error(ProjectFields.Name, nameProblem);
        }

        if (!ProjectRules.IsProjectTechnique(input.Technique))
        {
            Error(ProjectFields.Technique, "Kies de techniek: wind, zon op land of zon op dak.");
        }

        var municipality = input.Municipality?.Trim() ?? "";
        if (municipality.Length == 0)
        {
            Error(ProjectFields.Municipality, "Kies de gemeente.");
        }
        else if (!context.Municipalities.ContainsKey(municipality))
        {
            Error(ProjectFields.Municipality, $"Onbekende gemeente '{municipality}': deze gemeente hoort niet bij de regio.");
        }

        if (input.CapacityMw is not { } capacity)
        {
            Error(ProjectFields.CapacityMw, "Geef het vermogen in MW.");
        }
        else if (ProjectRules.Capacity(capacity) is { } capacityProblem)
        {
            Error(ProjectFields.CapacityMw, capacityProblem);
        }

        if (ProjectRules.SearchArea(string.IsNullOrWhiteSpace(input.SearchArea) ? null : input.SearchArea.Trim(), context.SearchAreas) is { } areaProblem)
        {
            Error(ProjectFields.SearchArea, areaProblem);
        }

        if ((input.Latitude is null) != (input.Longitude is null))
        {
            Error(input.Latitude is null ? ProjectFields.Latitude : ProjectFields.Longitude,
                "Geef de breedtegraad en de lengtegraad allebei, of geen van beide.");
        }
        else if (input.Latitude is { } lat && input.Longitude is { } lon && !RdCoordinates.IsInNetherlandsWgs84(lat, lon))
        {
            Error(ProjectFields.Latitude, $"De ligging ({lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}) ligt buiten Nederland. Zijn breedte- en lengtegraad verwisseld?");
        }

        if (ProjectRules.MeasuredYield(input.MeasuredYieldMwh) is { } yieldProblem)
        {
            Error(ProjectFields.MeasuredYieldMwh, yieldProblem);
        }

        if (ProjectRules.MeasuredYieldYear(input.MeasuredYieldYear, context.Today) is { } yearProblem)
        {
            Error(ProjectFields.MeasuredYieldYear, yearProblem);
        }
        else if (input.MeasuredYieldYear is not null && input.MeasuredYieldMwh is null)
        {
            Error(ProjectFields.MeasuredYieldMwh, "Bij een jaar van meting hoort een gemeten opbrengst.");
        }

        if (ProjectRules.LocalOwnership(input.LocalOwnershipPercent) is { } ownershipProblem)
        {
            Error(ProjectFields.LocalOwnershipPercent, ownershipProblem);
        }

        CheckLength(input.Owners, ProjectFields.Owners, "De eigenaren", errors);
        CheckLength(input.Participation, ProjectFields.Participation, "De participatie", errors);

        if (string.IsNullOrWhiteSpace(input.Source))
        {
            Error(ProjectFields.Source, "Geef de bron van de gegevens.");
        }
        else
        {
            CheckLength(input.Source, ProjectFields.Source, "De bron", errors);
        }

        if (input.SourceDate is null)
        {
            Error(ProjectFields.SourceDate, "Geef de peildatum van de bron.");
        }
        else if (ProjectRules.SourceDate(input.SourceDate.Value, context.Today) is { } sourceDateProblem)
        {
            Error(ProjectFields.SourceDate, sourceDateProblem);
        }

        var fullHistory = CheckNewPhase(input.NewPhase, history, isNew, errors);
        if (fullHistory is not null)
        {
            foreach (var v in PhaseRules.Validate(fullHistory, [], context.Today))
            {
                Error(ProjectFields.NewPhaseDate, v.Message);
            }
        }

        for (var i = 0; i < input.Permits.Count; i++)
        {
            if (input.Permits[i] is { Id: null, IsEmpty: true })
            {
                // The form's empty row for a new permit.
                continue;
            }

            CheckPermit(i, input.Permits[i], input, fullHistory, context, errors);
        }

        return errors;
    }

    /// <summary>The history with the new phase added, or null when it cannot be checked (a field is missing).</summary>
    private static List<PhaseChange>? CheckNewPhase(PhaseInput? phase, IReadOnlyList<PhaseChange> history, bool isNew, List<RuleViolation> errors)
    {
        var given = phase is not null && (phase.Phase is not null || phase.Date is not null || !string.IsNullOrWhiteSpace(phase.Note));
        if (!given)
        {
            if (isNew)
            {
                errors.Add(new(ProjectFields.NewPhase, "Kies de fase waarin het project nu is."));
                errors.Add(new(ProjectFields.NewPhaseDate, "Geef de datum waarop het project die fase bereikte."));
                return null;
            }

            return history.ToList();
        }

        if (phase!.Phase is null)
        {
            errors.Add(new(ProjectFields.NewPhase, isNew ? "Kies de fase waarin het project nu is." : "Kies de nieuwe fase."));
        }

        if (phase.Date is null)
        {
            errors.Add(new(ProjectFields.NewPhaseDate, isNew ? "Geef de datum waarop het project die fase bereikte." : "Geef de datum van de nieuwe fase."));
        }

        CheckLength(phase.Note, ProjectFields.NewPhaseNote, "De toelichting", errors);
        if (phase.Phase is not { } p || phase.Date is not { } date)
        {
            return null;
        }

        return [.. history, new PhaseChange { ProjectId = "", Phase = p, Date = date, Note = phase.Note }];
    }

    private static void CheckPermit(
        int index, PermitInput permit, ProjectInput input, List<PhaseChange>? history, ValidationContext context, List<RuleViolation> errors)
    {
        string Field(string name) => ProjectFields.Permit(index, name);
        var entity = ToPermit(permit, "");
        if (history is not null)
        {
            // The permit's own dates and 'realised not before granted', named by the permit's fields.
            var withoutPermit = PhaseRules.Validate(history, [], context.Today).Select(v => v.Message).ToHashSet();
            foreach (var v in PhaseRules.Validate(history, [entity], context.Today).Where(v => !withoutPermit.Contains(v.Message)))
            {
                var field = v.Field switch
                {
                    ProjectCsv.PermitApplied => ProjectFields.PermitApplied,
                    ProjectCsv.PermitIrrevocable => ProjectFields.PermitIrrevocable,
                    _ => ProjectFields.PermitGranted,
                };
                errors.Add(new(Field(field), v.Message));
            }
        }

        if (ProjectRules.HandedOver(permit.HandedOverToProvinceOn, context.Today) is { } handedProblem)
        {
            errors.Add(new(Field(ProjectFields.PermitHandedOver), handedProblem));
        }

        if (permit.CompetentAuthority is null)
        {
            errors.Add(new(Field(ProjectFields.PermitAuthority), "Kies het bevoegd gezag: gemeente, provincie of Rijk."));
        }
        else if (input.Technique is { } technique and not Technique.TechnologyNeutral && input.CapacityMw is { } mw && ProjectRules.Capacity(mw) is null
                 && ProjectRules.Authority(permit.CompetentAuthority.Value, technique, mw, permit.HandedOverToProvinceOn) is { } authorityProblem)
        {
            errors.Add(new(Field(ProjectFields.PermitAuthority), authorityProblem));
        }

        if (ProjectRules.CaseNumber(permit.CaseNumber) is { } caseProblem)
        {
            errors.Add(new(Field(ProjectFields.PermitCaseNumber), caseProblem));
        }
    }

    /// <summary>Every text of the input against <see cref="TextRule"/>, each named by its field.</summary>
    private static void CheckCharacters(ProjectInput input, List<RuleViolation> errors)
    {
        void Check(string? text, string field, string what)
        {
            if (ProjectRules.Characters(text, what) is { } problem)
            {
                errors.Add(new(field, problem));
            }
        }

        Check(input.Id, ProjectFields.Id, "Het project-id");
        Check(input.Name, ProjectFields.Name, "De naam");
        Check(input.Municipality, ProjectFields.Municipality, "De gemeente");
        Check(input.SearchArea, ProjectFields.SearchArea, "Het zoekgebied");
        Check(input.Owners, ProjectFields.Owners, "De eigenaren");
        Check(input.Participation, ProjectFields.Participation, "De participatie");
        Check(input.Source, ProjectFields.Source, "De bron");
        Check(input.NewPhase?.Note, ProjectFields.NewPhaseNote, "De toelichting");
        for (var i = 0; i < input.Permits.Count; i++)
        {
            Check(input.Permits[i].CaseNumber, ProjectFields.Permit(i, ProjectFields.PermitCaseNumber), "Het zaaknummer");
        }
    }

    private static void CheckLength(string? text, string field, string what, List<RuleViolation> errors)
    {
        if (ProjectRules.TextLength(text, what) is { } problem)
        {
            errors.Add(new(field, problem));
        }
    }

    /// <summary>A permit entity with the submitted values (trimmed).</summary>
    public static Permit ToPermit(PermitInput input, string projectId) => new()
    {
        ProjectId = projectId,
        CompetentAuthority = input.CompetentAuthority ?? CompetentAuthority.Municipality,
        CaseNumber = string.IsNullOrWhiteSpace(input.CaseNumber) ? null : input.CaseNumber.Trim(),
        AppliedOn = input.AppliedOn,
        GrantedOn = input.GrantedOn,
        IrrevocableOn = input.IrrevocableOn,
        HandedOverToProvinceOn = input.HandedOverToProvinceOn,
    };
}
