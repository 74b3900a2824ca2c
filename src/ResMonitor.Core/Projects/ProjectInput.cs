using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Projects;

/// <summary>
/// A project as an editor submits it, from the site's form or the API: every field of the register, the permits, an
/// optional new dated phase, and the version the editor started from. Field names (<see cref="ProjectFields"/>) are
/// the same in the form, the API's JSON and the messages.
/// </summary>
public record ProjectInput
{
    /// <summary>The key; only read for a new project (an existing project keeps its key).</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    public Technique? Technique { get; init; }

    /// <summary>CBS code of the municipality, e.g. GM0106.</summary>
    public string? Municipality { get; init; }

    public decimal? CapacityMw { get; init; }

    public string? SearchArea { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public decimal? MeasuredYieldMwh { get; init; }

    public int? MeasuredYieldYear { get; init; }

    public string? Owners { get; init; }

    public decimal? LocalOwnershipPercent { get; init; }

    public string? Participation { get; init; }

    public bool IsExample { get; init; }

    public string? Source { get; init; }

    public DateOnly? SourceDate { get; init; }

    /// <summary>The permits: existing ones by id, new ones without.</summary>
    public IReadOnlyList<PermitInput> Permits { get; init; } = [];

    /// <summary>A phase change to add; required for a new project (its first phase).</summary>
    public PhaseInput? NewPhase { get; init; }
}

public sealed record PermitInput
{
    /// <summary>The permit's id for an existing permit; null for a new one.</summary>
    public long? Id { get; init; }

    public CompetentAuthority? CompetentAuthority { get; init; }

    public string? CaseNumber { get; init; }

    public DateOnly? AppliedOn { get; init; }

    public DateOnly? GrantedOn { get; init; }

    public DateOnly? IrrevocableOn { get; init; }

    public DateOnly? HandedOverToProvinceOn { get; init; }

    public bool IsEmpty => CompetentAuthority is null && string.IsNullOrWhiteSpace(CaseNumber) && AppliedOn is null
        && GrantedOn is null && IrrevocableOn is null && HandedOverToProvinceOn is null;
}

public sealed record PhaseInput(Phase? Phase, DateOnly? Date, string? Note);

/// <summary>The one name of each editable field: form input name, JSON property and key of a message.</summary>
public static class ProjectFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Technique = "technique";
    public const string Municipality = "municipality";
    public const string CapacityMw = "capacityMw";
    public const string SearchArea = "searchArea";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string MeasuredYieldMwh = "measuredYieldMwh";
    public const string MeasuredYieldYear = "measuredYieldYear";
    public const string Owners = "owners";
    public const string LocalOwnershipPercent = "localOwnershipPercent";
    public const string Participation = "participation";
    public const string IsExample = "isExample";
    public const string Source = "source";
    public const string SourceDate = "sourceDate";
    public const string NewPhase = "newPhase.phase";
    public const string NewPhaseDate = "newPhase.date";
    public const string NewPhaseNote = "newPhase.note";
    public const string Reason = "reason";
    public const string Version = "version";

    public static string Permit(int index, string field) => $"permits[{index}].{field}";

    public const string PermitAuthority = "competentAuthority";
    public const string PermitCaseNumber = "caseNumber";
    public const string PermitApplied = "appliedOn";
    public const string PermitGranted = "grantedOn";
    public const string PermitIrrevocable = "irrevocableOn";
    public const string PermitHandedOver = "handedOverToProvinceOn";

    /// <summary>An HTML id for a field name: permits[0].grantedOn becomes permits-0-grantedOn.</summary>
    public static string HtmlId(string field) => field.Replace("[", "-", StringComparison.Ordinal)
        .Replace("].", "-", StringComparison.Ordinal).Replace(".", "-", StringComparison.Ordinal);
}
