using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Tests;

public class ProjectValidationTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static readonly ValidationContext Context = new(
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["GM0114"] = 6, ["GM0106"] = 2 }, new HashSet<string> { "ZG-1" }, Today);

    private static readonly IReadOnlyList<PhaseChange> History =
        [new PhaseChange { ProjectId = "P", Phase = Phase.Idea, Date = new(2022, 1, 1) }, new PhaseChange { ProjectId = "P", Phase = Phase.InProcedure, Date = new(2023, 3, 1) }];

    private static readonly ProjectInput Valid = new()
    {
        Id = "DR-Z-001", Name = "Zonnepark", Technique = Technique.SolarOnLand, Municipality = "GM0114", CapacityMw = 12m,
        Source = "Gemeente", SourceDate = new(2025, 1, 1),
    };

    private static List<RuleViolation> Check(ProjectInput input, bool isNew = false) => ProjectValidation.Validate(input, Context, History, isNew);

    [Fact]
    public void A_complete_project_passes()
    {
        Assert.Empty(Check(Valid));
        Assert.Empty(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, new(2024, 1, 1), null) }));
    }

    [Theory]
    [InlineData(2_000.0, true)]
    [InlineData(2_000.1, false)]
    [InlineData(0.0, false)]
    [InlineData(0.1, true)]
    public void Capacity_is_above_0_and_at_most_2000_MW(double capacity, bool valid) =>
        Assert.Equal(valid, !Check(Valid with { CapacityMw = (decimal)capacity }).Any(v => v.Field == ProjectFields.CapacityMw));

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(100.0, true)]
    [InlineData(100.5, false)]
    [InlineData(-0.5, false)]
    public void Local_ownership_is_0_to_100(double percent, bool valid) =>
        Assert.Equal(valid, !Check(Valid with { LocalOwnershipPercent = (decimal)percent }).Any(v => v.Field == ProjectFields.LocalOwnershipPercent));

    [Fact]
    public void Location_needs_both_coordinates_inside_the_Netherlands()
    {
        Assert.Contains(Check(Valid with { Latitude = 52.8 }), v => v.Field == ProjectFields.Longitude);
        Assert.Contains(Check(Valid with { Latitude = 6.9, Longitude = 52.8 }), v => v.Field == ProjectFields.Latitude && v.Message.Contains("verwisseld", StringComparison.Ordinal));
        Assert.Empty(Check(Valid with { Latitude = 52.8, Longitude = 6.9 }));
    }

    [Fact]
    public void Unknown_municipality_and_search_area_are_named()
    {
        var errors = Check(Valid with { Municipality = "GM0999", SearchArea = "ZG-9" });
        Assert.Contains(errors, v => v.Field == ProjectFields.Municipality && v.Message.Contains("'GM0999'", StringComparison.Ordinal));
        Assert.Contains(errors, v => v.Field == ProjectFields.SearchArea && v.Message.Contains("'ZG-9'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_phase_follows_the_phase_rules_and_lands_on_the_date_field()
    {
        Assert.Contains(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, new(2023, 1, 1), null) }), v => v.Field == ProjectFields.NewPhaseDate);
        Assert.Contains(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, new(2025, 7, 1), null) }), v => v.Field == ProjectFields.NewPhaseDate && v.Message.Contains("toekomst", StringComparison.Ordinal));
        Assert.Contains(Check(Valid with { NewPhase = new PhaseInput(Phase.Idea, new(2024, 1, 1), null) }), v => v.Field == ProjectFields.NewPhaseDate && v.Message.Contains("kan een project niet", StringComparison.Ordinal));
        Assert.Contains(Check(Valid with { NewPhase = new PhaseInput(null, new(2024, 1, 1), null) }), v => v.Field == ProjectFields.NewPhase);
    }

    [Fact]
    public void Permit_dates_in_order_and_the_authority_fits_the_rule()
    {
        var permit = new PermitInput { CompetentAuthority = CompetentAuthority.Municipality, AppliedOn = new(2023, 5, 1), GrantedOn = new(2023, 4, 1) };
        Assert.Contains(Check(Valid with { Permits = [permit] }), v => v.Field == "permits[0].grantedOn");
        var province = permit with { CompetentAuthority = CompetentAuthority.Province, GrantedOn = new(2023, 6, 1) };
        Assert.Contains(Check(Valid with { Permits = [province] }), v => v.Field == "permits[0].competentAuthority");
        Assert.Empty(Check(Valid with { Permits = [new PermitInput()] }));
    }

    [Theory]
    [InlineData("DR-W-012", true)]
    [InlineData("met spatie", false)]
    [InlineData("nieuw", false)]
    [InlineData("", false)]
    public void A_new_project_needs_a_well_formed_id_and_a_first_phase(string id, bool valid)
    {
        var input = Valid with { Id = id, NewPhase = new PhaseInput(Phase.Idea, new(2024, 1, 1), null) };
        Assert.Equal(valid, !Check(input, isNew: true).Any(v => v.Field == ProjectFields.Id));
        Assert.Contains(Check(Valid with { Id = id }, isNew: true), v => v.Field == ProjectFields.NewPhase);
    }

    [Fact]
    public void A_municipality_redacteur_keeps_projects_in_their_municipality()
    {
        var emmen = EditScope.For(new Organisation { Id = 6, RegionId = "drenthe", Kind = OrganisationKind.Municipality, Code = "GM0114", Name = "Emmen" });
        Assert.Empty(emmen.CheckStaysInScope(Valid));
        Assert.Contains(emmen.CheckStaysInScope(Valid with { Municipality = "GM0106" }), v => v.Field == ProjectFields.Municipality);
        Assert.True(emmen.Allows(new Project { Id = "P", RegionId = "drenthe", Name = "x", Source = "x", MunicipalityId = 6 }));
        Assert.False(emmen.Allows(new Project { Id = "P", RegionId = "drenthe", Name = "x", Source = "x", MunicipalityId = 2 }));
        Assert.False(EditScope.Nothing.EditsProjects);
    }
}
