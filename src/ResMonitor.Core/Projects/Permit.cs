namespace ResMonitor.Core.Projects;

public enum CompetentAuthority
{
    Municipality,
    Province,
    State,
}

/// <summary>An environmental permit (omgevingsvergunning) and who decides it.</summary>
public sealed class Permit
{
    public long Id { get; set; }

    public required string ProjectId { get; set; }

    public CompetentAuthority CompetentAuthority { get; set; }

    public string? CaseNumber { get; set; }

    public DateOnly? AppliedOn { get; set; }

    public DateOnly? GrantedOn { get; set; }

    public DateOnly? IrrevocableOn { get; set; }

    /// <summary>Set when the municipality handed the decision to the province (seed 002).</summary>
    public DateOnly? HandedOverToProvinceOn { get; set; }
}
