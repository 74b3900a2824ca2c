using ResMonitor.Core.Projects;

namespace ResMonitor.Core.PlanFailures;

/// <summary>Planuitval: a plan that is not, partly or late realised.</summary>
public enum PlanFailureKind
{
    /// <summary>Not realised at all.</summary>
    None,

    /// <summary>Realised for part of what was planned.</summary>
    Partial,

    /// <summary>Realised later than planned.</summary>
    Delayed,
}

public enum PlanFailureReason
{
    Support,
    Spatial,
    GridCapacity,
    Finance,
    Permit,
    Technical,
    Other,
}

/// <summary>
/// A recorded plan failure of a project or a search area. Records are never deleted: a failed plan stays visible in
/// the history, and a later record for the same plan supersedes the earlier one in the figures.
/// </summary>
public sealed class PlanFailure
{
    public long Id { get; set; }

    public required string RegionId { get; set; }

    public string? ProjectId { get; set; }

    public string? SearchAreaId { get; set; }

    public PlanFailureKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public PlanFailureReason Reason { get; set; }

    public required string Explanation { get; set; }

    /// <summary>For a partial realisation: the share of the plan that is (or will be) realised, 0 to 100 exclusive.</summary>
    public decimal? RealisedPercent { get; set; }

    /// <summary>For a delay: the date by which the plan is now expected to be realised.</summary>
    public DateOnly? ExpectedOn { get; set; }

    /// <summary>For a search area: the yearly yield (MWh) the area was meant to deliver and no longer will.</summary>
    public decimal? LostMwh { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>What a plan failure does to a project's figures: the share of its yield that still counts, and from when.</summary>
public readonly record struct PlanFailureEffect(decimal RemainingShare, DateOnly? NotBefore)
{
    public static readonly PlanFailureEffect Unaffected = new(1m, null);

    public static PlanFailureEffect Of(PlanFailure? failure) => failure?.Kind switch
    {
        PlanFailureKind.None => new(0m, null),
        PlanFailureKind.Partial => new((failure.RealisedPercent ?? 100m) / 100m, null),
        PlanFailureKind.Delayed => new(1m, failure.ExpectedOn),
        _ => Unaffected,
    };
}

public sealed record PlanFailureProblem(string Field, string Message);

public static class PlanFailureRules
{
    /// <summary>Every reason this record cannot be stored, each with the field it is about; empty when it can.</summary>
    public static IReadOnlyList<PlanFailureProblem> Validate(PlanFailure failure, Project? project, bool searchAreaExists, DateOnly today)
    {
        var problems = new List<PlanFailureProblem>();
        if ((failure.ProjectId is null) == (failure.SearchAreaId is null))
        {
            problems.Add(new("project", "Kies een project of een zoekgebied (één van beide)."));
        }
        else if (failure.ProjectId is not null && project is null)
        {
            problems.Add(new("project", $"Het project '{failure.ProjectId}' staat niet in het register."));
        }
        else if (failure.SearchAreaId is not null && !searchAreaExists)
        {
            problems.Add(new("zoekgebied", $"Het zoekgebied '{failure.SearchAreaId}' staat niet in het register."));
        }

        if (failure.Date > today)
        {
            problems.Add(new("datum", $"De datum {DutchFormat.Date(failure.Date)} ligt in de toekomst."));
        }

        if (TextRule.Check(failure.Explanation, "De toelichting") is { } characters)
        {
            problems.Add(new("toelichting", characters));
        }
        else if (string.IsNullOrWhiteSpace(failure.Explanation))
        {
            problems.Add(new("toelichting", project?.Phase == Phase.Realised
                ? "Een gerealiseerd project kan alleen uitvallen met een reden: leg uit wat er niet is gerealiseerd."
                : "Geef een toelichting: wat is er gebeurd?"));
        }

        if (project?.Phase == Phase.Realised && failure.Kind == PlanFailureKind.None)
        {
            problems.Add(new("soort", "Dit project is gerealiseerd; kies gedeeltelijke of vertraagde realisatie."));
        }

        switch (failure.Kind)
        {
            case PlanFailureKind.Partial when failure.RealisedPercent is not (> 0m and < 100m):
                problems.Add(new("percentage", "Bij gedeeltelijke realisatie hoort het deel dat wel wordt gerealiseerd: meer dan 0 en minder dan 100%."));
                break;
            case PlanFailureKind.Delayed when failure.ExpectedOn is not { } expected:
                problems.Add(new("verwacht", "Bij vertraging hoort de datum waarop realisatie nu wordt verwacht."));
                break;
            case PlanFailureKind.Delayed when failure.ExpectedOn <= failure.Date:
                problems.Add(new("verwacht", "De verwachte datum moet na de datum van de vertraging liggen."));
                break;
        }

        if (failure.LostMwh is < 0m)
        {
            problems.Add(new("opbrengst", "Verloren opbrengst kan niet negatief zijn."));
        }

        return problems;
    }

    /// <summary>The record in force for each plan: the latest by date, then by recording.</summary>
    public static Dictionary<string, PlanFailure> LatestPerProject(IEnumerable<PlanFailure> failures) =>
        failures.Where(f => f.ProjectId is not null)
            .GroupBy(f => f.ProjectId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Date).ThenByDescending(f => f.Id).First(), StringComparer.Ordinal);
}

/// <summary>The Dutch words for kinds and reasons, in the UI and on the command line.</summary>
public static class PlanFailureLabels
{
    public static readonly IReadOnlyDictionary<PlanFailureKind, string> Kinds = new Dictionary<PlanFailureKind, string>
    {
        [PlanFailureKind.None] = "geen realisatie",
        [PlanFailureKind.Partial] = "gedeeltelijke realisatie",
        [PlanFailureKind.Delayed] = "vertraagde realisatie",
    };

    public static readonly IReadOnlyDictionary<string, PlanFailureKind> KindKeys = new Dictionary<string, PlanFailureKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["geen"] = PlanFailureKind.None,
        ["gedeeltelijk"] = PlanFailureKind.Partial,
        ["vertraagd"] = PlanFailureKind.Delayed,
    };

    public static readonly IReadOnlyDictionary<PlanFailureReason, string> Reasons = new Dictionary<PlanFailureReason, string>
    {
        [PlanFailureReason.Support] = "draagvlak",
        [PlanFailureReason.Spatial] = "ruimtelijke inpassing",
        [PlanFailureReason.GridCapacity] = "netcapaciteit",
        [PlanFailureReason.Finance] = "financiering of subsidie",
        [PlanFailureReason.Permit] = "vergunning",
        [PlanFailureReason.Technical] = "techniek",
        [PlanFailureReason.Other] = "anders",
    };

    public static readonly IReadOnlyDictionary<string, PlanFailureReason> ReasonKeys = new Dictionary<string, PlanFailureReason>(StringComparer.OrdinalIgnoreCase)
    {
        ["draagvlak"] = PlanFailureReason.Support,
        ["ruimte"] = PlanFailureReason.Spatial,
        ["netcapaciteit"] = PlanFailureReason.GridCapacity,
        ["financiering"] = PlanFailureReason.Finance,
        ["vergunning"] = PlanFailureReason.Permit,
        ["techniek"] = PlanFailureReason.Technical,
        ["anders"] = PlanFailureReason.Other,
    };
}
