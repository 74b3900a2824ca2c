namespace ResMonitor.Core.Grid;

/// <summary>A congestion record as the pages, the API and the signal rule read it: with the names of its area and grid operator.</summary>
public sealed record CongestionView(
    long Id,
    string AreaName,
    int? MunicipalityId,
    string? MunicipalitySlug,
    string? SearchAreaId,
    string GridOperatorCode,
    string GridOperatorName,
    CongestionKind Kind,
    DateOnly Since,
    DateOnly? ExpectedEnd,
    string? Reinforcement,
    DateOnly? EndedOn,
    string Source,
    DateOnly SourceDate,
    bool IsExample)
{
    /// <summary>"gemeente" or "zoekgebied": what kind of area the record is about.</summary>
    public string AreaKind => SearchAreaId is null ? "gemeente" : "zoekgebied";

    public bool InForceOn(DateOnly date) => Since <= date && !(EndedOn <= date);
}

/// <summary>What the form sends: the area and grid operator by key, the kind and the dates, the source.</summary>
public sealed record CongestionInput(
    string? Area,
    string? GridOperator,
    CongestionKind Kind,
    DateOnly? Since,
    DateOnly? ExpectedEnd,
    string? Reinforcement,
    DateOnly? EndedOn,
    string? Source,
    DateOnly? SourceDate);

/// <summary>One reason a record cannot be stored, with the form field it is about.</summary>
public sealed record CongestionProblem(string Field, string Message);

/// <summary>The rules of the congestion register, in Dutch, per field.</summary>
public static class CongestionRules
{
    public const string MunicipalityPrefix = "gemeente:";
    public const string SearchAreaPrefix = "zoekgebied:";

    /// <summary>The date and source rules; the area and grid operator are checked against the register by the service.</summary>
    public static IReadOnlyList<CongestionProblem> Validate(CongestionInput input, DateOnly today)
    {
        var problems = new List<CongestionProblem>();
        foreach (var (text, field, what) in new[] { (input.Reinforcement, "verzwaring", "De netverzwaring"), (input.Source, "bron", "De bron") })
        {
            if (TextRule.Check(text, what) is { } problem)
            {
                problems.Add(new(field, problem));
            }
        }

        if (input.Since is not { } since)
        {
            problems.Add(new("sinds", "Geef de datum waarop de congestie begon."));
        }
        else
        {
            if (input.ExpectedEnd is { } expected && expected < since)
            {
                problems.Add(new("verwacht", $"Het verwachte einde ({DutchFormat.Date(expected)}) ligt vóór het begin ({DutchFormat.Date(since)})."));
            }

            if (input.EndedOn is { } ended && ended < since)
            {
                problems.Add(new("einde", $"Het einde ({DutchFormat.Date(ended)}) ligt vóór het begin ({DutchFormat.Date(since)})."));
            }
        }

        if (input.EndedOn is { } end && end > today)
        {
            problems.Add(new("einde", $"Het einde ({DutchFormat.Date(end)}) ligt in de toekomst. Een verwachte datum hoort bij 'verwacht einde'."));
        }

        if (input.Reinforcement is { Length: > 200 })
        {
            problems.Add(new("verzwaring", "De naam van de netverzwaring mag hoogstens 200 tekens hebben."));
        }

        if (string.IsNullOrWhiteSpace(input.Source))
        {
            problems.Add(new("bron", "Geef de bron: waar komt dit gegeven vandaan (bijvoorbeeld de capaciteitskaart of een bericht van de netbeheerder)?"));
        }

        if (input.SourceDate is not { } date)
        {
            problems.Add(new("peildatum", "Geef de peildatum van de bron."));
        }
        else if (date > today)
        {
            problems.Add(new("peildatum", $"De peildatum ({DutchFormat.Date(date)}) ligt in de toekomst."));
        }

        return problems;
    }

    public static string KindLabel(CongestionKind kind) => kind switch
    {
        CongestionKind.FeedIn => "leveringscongestie",
        _ => "afnamecongestie",
    };

    public static string KindLabelEnglish(CongestionKind kind) => kind switch
    {
        CongestionKind.FeedIn => "feed-in congestion",
        _ => "offtake congestion",
    };

    /// <summary>The expected end in words: a date, a reinforcement, both, or unknown.</summary>
    public static string ExpectedEndText(DateOnly? expected, string? reinforcement) => (expected, string.IsNullOrWhiteSpace(reinforcement)) switch
    {
        ({ } date, false) => $"{DutchFormat.Date(date)}, na {reinforcement}",
        ({ } date, true) => DutchFormat.Date(date),
        (null, false) => $"na {reinforcement} (datum onbekend)",
        _ => "onbekend",
    };

    /// <summary>The expected end in English words.</summary>
    public static string ExpectedEndTextEnglish(DateOnly? expected, string? reinforcement) => (expected, string.IsNullOrWhiteSpace(reinforcement)) switch
    {
        ({ } date, false) => $"{EnglishFormat.Date(date)}, after {reinforcement}",
        ({ } date, true) => EnglishFormat.Date(date),
        (null, false) => $"after {reinforcement} (date unknown)",
        _ => "unknown",
    };
}
