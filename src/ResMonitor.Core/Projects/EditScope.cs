using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Projects;

/// <summary>
/// What a signed-in user may edit. A beheerder edits everything of their region (a national beheerder: of every
/// region); a redacteur edits the projects of their
/// organisation (a municipality: the projects in it; the province: the projects whose permit the province decides)
/// and their own organisation's record; anyone else edits nothing.
/// </summary>
public sealed class EditScope
{
    private EditScope(bool everything, Organisation? organisation, string? regionId)
    {
        IsEverything = everything;
        Organisation = organisation;
        RegionId = regionId;
    }

    public static EditScope Nothing { get; } = new(false, null, null);

    /// <summary>A national beheerder: every record of every region.</summary>
    public static EditScope Everything { get; } = new(true, null, null);

    /// <summary>A region's werkbureau: every record of that region, nothing of another.</summary>
    public static EditScope AllOf(string regionId) => new(true, null, regionId);

    public static EditScope For(Organisation organisation) => new(false, organisation, organisation.RegionId);

    /// <summary>Every record within <see cref="RegionId"/> (all regions when that is empty): a beheerder.</summary>
    public bool IsEverything { get; }

    /// <summary>The one region this editor works in, or null for a national beheerder (or no rights at all).</summary>
    public string? RegionId { get; }

    /// <summary>Whether this editor may touch data of the region at all.</summary>
    public bool MayAccessRegion(string regionId) =>
        RegionId is null ? IsEverything : string.Equals(RegionId, regionId, StringComparison.Ordinal);

    /// <summary>The redacteur's organisation, or null.</summary>
    public Organisation? Organisation { get; }

    public bool EditsProjects => IsEverything || Organisation?.Kind is OrganisationKind.Municipality or OrganisationKind.Province;

    public bool EditsReferenceData => IsEverything;

    public bool MayEditOrganisation(Organisation organisation) =>
        IsEverything ? MayAccessRegion(organisation.RegionId) : Organisation?.Id == organisation.Id;

    /// <summary>The projects in scope, as a query.</summary>
    public IQueryable<Project> Filter(IQueryable<Project> projects)
    {
        if (IsEverything)
        {
            return RegionId is { } only ? projects.Where(p => p.RegionId == only) : projects;
        }

        return Organisation switch
        {
            { Kind: OrganisationKind.Municipality, Id: var id } => projects.Where(p => p.MunicipalityId == id),
            { Kind: OrganisationKind.Province, RegionId: var region } =>
                projects.Where(p => p.RegionId == region && p.Permits.Any(x => x.CompetentAuthority == CompetentAuthority.Province)),
            _ => projects.Where(p => false),
        };
    }

    /// <summary>Whether a project (with its permits loaded) is in scope.</summary>
    public bool Allows(Project project) => IsEverything ? MayAccessRegion(project.RegionId) : Organisation switch
    {
        { Kind: OrganisationKind.Municipality, Id: var id } => project.MunicipalityId == id,
        { Kind: OrganisationKind.Province, RegionId: var region } =>
            project.RegionId == region && project.Permits.Any(x => x.CompetentAuthority == CompetentAuthority.Province),
        _ => false,
    };

    /// <summary>
    /// Why a submitted project would leave the editor's scope, per field, or nothing: a municipality's redacteur
    /// keeps the project in that municipality, the province's redacteur keeps a permit decided by the province.
    /// </summary>
    public IEnumerable<RuleViolation> CheckStaysInScope(ProjectInput input)
    {
        if (IsEverything)
        {
            yield break;
        }

        switch (Organisation)
        {
            case { Kind: OrganisationKind.Municipality } municipality when !string.Equals(input.Municipality?.Trim(), municipality.Code, StringComparison.OrdinalIgnoreCase):
                yield return new(ProjectFields.Municipality,
                    $"U bent redacteur voor {municipality.Name}: u kunt alleen projecten in {municipality.Name} vastleggen.");
                break;
            case { Kind: OrganisationKind.Province } province when !input.Permits.Any(p => p.CompetentAuthority == CompetentAuthority.Province):
                yield return new(ProjectFields.Permit(0, ProjectFields.PermitAuthority),
                    $"U bent redacteur voor {province.Name}: u kunt alleen projecten vastleggen waarvan de provincie de vergunning verleent.");
                break;
        }
    }
}
