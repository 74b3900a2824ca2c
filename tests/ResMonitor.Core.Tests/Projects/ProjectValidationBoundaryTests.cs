using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests.Projects;

/// <summary>
/// The edges of every project rule as an editor meets them: the longest id and name that are still accepted and one
/// character more, a measured yield, dates of today, and which field a message lands on.
/// </summary>
public class ProjectValidationBoundaryTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static readonly ValidationContext Context = new(
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["GM0114"] = 6 }, new HashSet<string> { "ZG-1" }, Today);

    private static readonly IReadOnlyList<PhaseChange> History =
        [new PhaseChange { ProjectId = "P", Phase = Phase.InProcedure, Date = new(2023, 3, 1) }];

    private static readonly ProjectInput Valid = new()
    {
        Id = "DR-Z-001", Name = "Zonnepark", Technique = Technique.SolarOnLand, Municipality = "GM0114", CapacityMw = 12m,
        Source = "Gemeente", SourceDate = new(2025, 1, 1),
    };

    private static readonly PhaseInput FirstPhase = new(Phase.Idea, new(2024, 1, 1), null);

    private static List<RuleViolation> Check(ProjectInput input, bool isNew = false) =>
        ProjectValidation.Validate(input, Context, isNew ? [] : History, isNew);

    private static List<RuleViolation> New(ProjectInput input) => Check(input with { NewPhase = input.NewPhase ?? FirstPhase }, isNew: true);

    private static string? Message(List<RuleViolation> errors, string field) => errors.SingleOrDefault(e => e.Field == field)?.Message;

    [Fact]
    public void The_complete_projects_used_below_are_valid()
    {
        Assert.Empty(Check(Valid));
        Assert.Empty(New(Valid));
    }

    [Fact]
    public void An_id_of_64_characters_is_accepted_and_one_of_65_refused()
    {
        Assert.Empty(New(Valid with { Id = new string('a', 64) }));

        var id = new string('a', 65);
        Assert.Equal(
            $"'{id}' is geen geldig project-id: gebruik letters, cijfers, punt, liggend streepje of koppelteken, hoogstens 64 tekens.",
            Message(New(Valid with { Id = id }), ProjectFields.Id));
    }

    [Theory]
    [InlineData("Az09._-")]
    [InlineData("  DR-W-012  ")]
    public void An_id_of_letters_digits_dot_underscore_and_hyphen_is_accepted(string id) =>
        Assert.Null(Message(New(Valid with { Id = id }), ProjectFields.Id));

    [Theory]
    [InlineData("DR/W/012")]
    [InlineData("DR-W-01é")]
    [InlineData("DR W")]
    public void An_id_with_another_character_is_refused(string id) =>
        Assert.StartsWith($"'{id}' is geen geldig project-id", Message(New(Valid with { Id = id }), ProjectFields.Id));

    [Theory]
    [InlineData("NIEUW")]
    [InlineData("Nieuw")]
    public void The_address_word_nieuw_is_no_id_in_any_case(string id) =>
        Assert.Equal("'nieuw' kan geen project-id zijn: kies een andere sleutel.", Message(New(Valid with { Id = id }), ProjectFields.Id));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_missing_id_asks_for_one(string? id) =>
        Assert.Equal("Geef het project-id, bijvoorbeeld DR-W-012.", Message(New(Valid with { Id = id }), ProjectFields.Id));

    [Fact]
    public void The_id_of_an_existing_project_is_not_checked()
    {
        Assert.Empty(Check(Valid with { Id = "met spatie" }));
    }

    [Fact]
    public void A_name_of_200_characters_is_accepted_and_one_of_201_refused()
    {
        Assert.Empty(Check(Valid with { Name = new string('n', 200) }));
        Assert.Empty(Check(Valid with { Name = "  " + new string('n', 200) + "  " }));

        Assert.Equal("De naam is langer dan 200 tekens.", Message(Check(Valid with { Name = new string('n', 201) }), ProjectFields.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_missing_name_asks_for_one(string? name) =>
        Assert.Equal("Geef de naam van het project.", Message(Check(Valid with { Name = name }), ProjectFields.Name));

    [Theory]
    [InlineData(null)]
    [InlineData(Technique.TechnologyNeutral)]
    public void A_project_has_wind_or_solar_as_its_technique(Technique? technique) =>
        Assert.Equal("Kies de techniek: wind, zon op land of zon op dak.", Message(Check(Valid with { Technique = technique }), ProjectFields.Technique));

    [Theory]
    [InlineData(Technique.Wind)]
    [InlineData(Technique.SolarOnRoof)]
    public void Wind_and_solar_on_roofs_are_project_techniques(Technique technique) =>
        Assert.Null(Message(Check(Valid with { Technique = technique }), ProjectFields.Technique));

    [Fact]
    public void The_municipality_is_asked_for_and_a_code_with_spaces_around_it_is_found()
    {
        Assert.Equal("Kies de gemeente.", Message(Check(Valid with { Municipality = " " }), ProjectFields.Municipality));
        Assert.Equal("Kies de gemeente.", Message(Check(Valid with { Municipality = null }), ProjectFields.Municipality));
        Assert.Empty(Check(Valid with { Municipality = " gm0114 " }));
        Assert.Equal("Onbekende gemeente 'GM0999': deze gemeente hoort niet bij de regio.", Message(Check(Valid with { Municipality = "GM0999" }), ProjectFields.Municipality));
    }

    [Fact]
    public void The_capacity_is_asked_for_and_its_limits_are_explained()
    {
        Assert.Equal("Geef het vermogen in MW.", Message(Check(Valid with { CapacityMw = null }), ProjectFields.CapacityMw));
        Assert.Equal("Het vermogen moet groter dan 0 MW zijn, niet -1,5.", Message(Check(Valid with { CapacityMw = -1.5m }), ProjectFields.CapacityMw));
        Assert.Equal("2.500 MW is onwaarschijnlijk groot (meer dan 2.000 MW). Staat het in kW?", Message(Check(Valid with { CapacityMw = 2_500m }), ProjectFields.CapacityMw));
    }

    [Fact]
    public void A_search_area_is_known_or_left_empty()
    {
        Assert.Empty(Check(Valid with { SearchArea = " ZG-1 " }));
        Assert.Empty(Check(Valid with { SearchArea = "  " }));
        Assert.Equal("Onbekend zoekgebied 'ZG-2'.", Message(Check(Valid with { SearchArea = "ZG-2" }), ProjectFields.SearchArea));
    }

    [Fact]
    public void A_location_with_only_a_longitude_points_at_the_latitude()
    {
        var errors = Check(Valid with { Longitude = 6.9 });

        Assert.Equal("Geef de breedtegraad en de lengtegraad allebei, of geen van beide.", Message(errors, ProjectFields.Latitude));
        Assert.Null(Message(errors, ProjectFields.Longitude));
    }

    [Fact]
    public void A_location_outside_the_Netherlands_shows_the_coordinates_as_given()
    {
        Assert.Equal(
            "De ligging (48.85, 2.35) ligt buiten Nederland. Zijn breedte- en lengtegraad verwisseld?",
            Message(Check(Valid with { Latitude = 48.85, Longitude = 2.35 }), ProjectFields.Latitude));
    }

    [Fact]
    public void A_measured_yield_of_0_is_accepted_and_a_negative_one_refused()
    {
        Assert.Empty(Check(Valid with { MeasuredYieldMwh = 0m, MeasuredYieldYear = 2024 }));
        Assert.Empty(Check(Valid with { MeasuredYieldMwh = 12_345.6m }));

        Assert.Equal("De gemeten opbrengst kan niet negatief zijn.", Message(Check(Valid with { MeasuredYieldMwh = -0.1m }), ProjectFields.MeasuredYieldMwh));
    }

    [Theory]
    [InlineData(1990, true)]
    [InlineData(2025, true)]
    [InlineData(1989, false)]
    [InlineData(2026, false)]
    public void The_year_of_a_measurement_lies_from_1990_to_this_year(int year, bool valid)
    {
        var message = Message(Check(Valid with { MeasuredYieldMwh = 1_000m, MeasuredYieldYear = year }), ProjectFields.MeasuredYieldYear);

        Assert.Equal(valid ? null : $"Het jaar van de meting moet tussen 1990 en 2025 liggen, niet {year}.", message);
    }

    [Fact]
    public void A_year_of_measurement_needs_the_measured_yield()
    {
        Assert.Equal("Bij een jaar van meting hoort een gemeten opbrengst.", Message(Check(Valid with { MeasuredYieldYear = 2024 }), ProjectFields.MeasuredYieldMwh));
        // A year outside the range is the one message, not two.
        var errors = Check(Valid with { MeasuredYieldYear = 1980 });
        Assert.Equal(ProjectFields.MeasuredYieldYear, Assert.Single(errors).Field);
    }

    [Fact]
    public void Local_ownership_outside_0_to_100_shows_the_value()
    {
        Assert.Equal("Lokaal eigendom is een percentage van 0 tot 100, niet 100,5.", Message(Check(Valid with { LocalOwnershipPercent = 100.5m }), ProjectFields.LocalOwnershipPercent));
        Assert.Equal("Lokaal eigendom is een percentage van 0 tot 100, niet -1,0.", Message(Check(Valid with { LocalOwnershipPercent = -1m }), ProjectFields.LocalOwnershipPercent));
    }

    [Fact]
    public void Free_texts_of_2000_characters_are_accepted_and_of_2001_refused_by_name()
    {
        var longest = new string('t', 2_000);
        Assert.Empty(Check(Valid with { Owners = longest, Participation = longest, Source = longest }));
        Assert.Empty(Check(Valid with { Owners = " " + longest + " " }));

        var tooLong = new string('t', 2_001);
        var errors = Check(Valid with { Owners = tooLong, Participation = tooLong, Source = tooLong });
        Assert.Equal("De eigenaren is langer dan 2.000 tekens.", Message(errors, ProjectFields.Owners));
        Assert.Equal("De participatie is langer dan 2.000 tekens.", Message(errors, ProjectFields.Participation));
        Assert.Equal("De bron is langer dan 2.000 tekens.", Message(errors, ProjectFields.Source));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void The_source_is_asked_for(string? source) =>
        Assert.Equal("Geef de bron van de gegevens.", Message(Check(Valid with { Source = source }), ProjectFields.Source));

    [Fact]
    public void A_reference_date_of_today_is_accepted_and_of_tomorrow_refused()
    {
        Assert.Empty(Check(Valid with { SourceDate = Today }));
        Assert.Equal("De peildatum 2 juni 2025 ligt in de toekomst.", Message(Check(Valid with { SourceDate = Today.AddDays(1) }), ProjectFields.SourceDate));
        Assert.Equal("Geef de peildatum van de bron.", Message(Check(Valid with { SourceDate = null }), ProjectFields.SourceDate));
    }

    [Fact]
    public void A_new_project_without_a_phase_is_asked_for_its_phase_and_date()
    {
        var errors = Check(Valid, isNew: true);

        Assert.Equal("Kies de fase waarin het project nu is.", Message(errors, ProjectFields.NewPhase));
        Assert.Equal("Geef de datum waarop het project die fase bereikte.", Message(errors, ProjectFields.NewPhaseDate));
    }

    [Fact]
    public void A_new_project_with_only_a_note_for_its_phase_is_asked_for_both_as_well()
    {
        var errors = Check(Valid with { NewPhase = new PhaseInput(null, null, "net begonnen") }, isNew: true);

        Assert.Equal("Kies de fase waarin het project nu is.", Message(errors, ProjectFields.NewPhase));
        Assert.Equal("Geef de datum waarop het project die fase bereikte.", Message(errors, ProjectFields.NewPhaseDate));
    }

    [Fact]
    public void A_half_given_new_phase_of_an_existing_project_asks_for_the_other_half()
    {
        Assert.Equal("Kies de nieuwe fase.", Message(Check(Valid with { NewPhase = new PhaseInput(null, new(2024, 1, 1), null) }), ProjectFields.NewPhase));
        Assert.Equal("Geef de datum van de nieuwe fase.", Message(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, null, null) }), ProjectFields.NewPhaseDate));
        Assert.Equal("Kies de nieuwe fase.", Message(Check(Valid with { NewPhase = new PhaseInput(null, null, "alleen een toelichting") }), ProjectFields.NewPhase));
    }

    [Fact]
    public void An_empty_new_phase_of_an_existing_project_is_no_change()
    {
        Assert.Empty(Check(Valid with { NewPhase = new PhaseInput(null, null, "  ") }));
    }

    [Fact]
    public void A_new_phase_dated_today_or_on_the_day_of_the_last_phase_is_accepted()
    {
        Assert.Empty(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, Today, null) }));
        Assert.Empty(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, new(2023, 3, 1), null) }));
        Assert.Equal(
            "'vergund' (28 februari 2023) ligt vóór 'in procedure' (1 maart 2023).",
            Message(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, new(2023, 2, 28), null) }), ProjectFields.NewPhaseDate));
    }

    [Fact]
    public void The_note_of_a_new_phase_has_the_text_limit()
    {
        Assert.Empty(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, Today, new string('t', 2_000)) }));
        Assert.Equal(
            "De toelichting is langer dan 2.000 tekens.",
            Message(Check(Valid with { NewPhase = new PhaseInput(Phase.Permitted, Today, new string('t', 2_001)) }), ProjectFields.NewPhaseNote));
    }

    [Fact]
    public void A_stored_history_with_a_problem_is_reported_on_the_new_phase_date_field()
    {
        IReadOnlyList<PhaseChange> broken = [new PhaseChange { ProjectId = "P", Phase = Phase.InProcedure, Date = Today.AddDays(3) }];

        var error = Assert.Single(ProjectValidation.Validate(Valid, Context, broken, isNew: false));

        Assert.Equal(ProjectFields.NewPhaseDate, error.Field);
        Assert.Equal("De datum 4 juni 2025 voor 'in procedure' ligt in de toekomst.", error.Message);
    }

    [Fact]
    public void Each_permit_date_problem_lands_on_that_permit_and_that_date()
    {
        var municipality = new PermitInput { CompetentAuthority = CompetentAuthority.Municipality };
        var errors = Check(Valid with
        {
            Permits =
            [
                municipality,
                municipality with { AppliedOn = Today.AddDays(1) },
                municipality with { AppliedOn = new(2024, 1, 1), IrrevocableOn = new(2023, 1, 1) },
                municipality with { GrantedOn = Today.AddDays(1) },
            ],
        });

        Assert.Equal(
            [
                (ProjectFields.Permit(1, ProjectFields.PermitApplied), "De datum van aanvraag van de vergunning (2 juni 2025) ligt in de toekomst."),
                (ProjectFields.Permit(2, ProjectFields.PermitIrrevocable), "De datum van onherroepelijk worden van de vergunning (1 januari 2023) ligt vóór de aanvraag (1 januari 2024)."),
                (ProjectFields.Permit(3, ProjectFields.PermitGranted), "De datum van verlening van de vergunning (2 juni 2025) ligt in de toekomst."),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void A_realisation_before_the_grant_lands_on_the_grant_date_of_the_permit()
    {
        var errors = Check(Valid with
        {
            NewPhase = new PhaseInput(Phase.Realised, new(2024, 1, 1), null),
            Permits = [new PermitInput { CompetentAuthority = CompetentAuthority.Municipality, GrantedOn = new(2024, 2, 1) }],
        });

        var error = Assert.Single(errors);
        Assert.Equal(ProjectFields.Permit(0, ProjectFields.PermitGranted), error.Field);
        Assert.Equal("Gerealiseerd (1 januari 2024) kan niet vóór de verlening van de vergunning (1 februari 2024).", error.Message);
    }

    [Fact]
    public void A_problem_of_the_phase_history_is_not_repeated_on_the_permit()
    {
        var errors = Check(Valid with
        {
            NewPhase = new PhaseInput(Phase.Permitted, Today.AddDays(2), null),
            Permits = [new PermitInput { CompetentAuthority = CompetentAuthority.Municipality, GrantedOn = new(2024, 2, 1) }],
        });

        Assert.Equal(ProjectFields.NewPhaseDate, Assert.Single(errors).Field);
    }

    [Fact]
    public void Permit_dates_are_checked_once_the_new_phase_is_complete()
    {
        var errors = Check(Valid with
        {
            NewPhase = new PhaseInput(null, Today, null),
            Permits = [new PermitInput { CompetentAuthority = CompetentAuthority.Municipality, AppliedOn = Today.AddDays(1) }],
        });

        Assert.Contains(errors, e => e.Field == ProjectFields.NewPhase);
        Assert.DoesNotContain(errors, e => e.Field.StartsWith("permits[", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hand_over_to_the_province_today_is_accepted_and_tomorrow_refused()
    {
        var permit = new PermitInput { CompetentAuthority = CompetentAuthority.Province, HandedOverToProvinceOn = Today };
        Assert.Empty(Check(Valid with { Permits = [permit] }));

        Assert.Equal(
            "De datum van overdracht aan de provincie (2 juni 2025) ligt in de toekomst.",
            Message(Check(Valid with { Permits = [permit with { HandedOverToProvinceOn = Today.AddDays(1) }] }), ProjectFields.Permit(0, ProjectFields.PermitHandedOver)));
    }

    [Fact]
    public void A_stored_permit_emptied_on_the_form_still_needs_its_authority()
    {
        Assert.Empty(Check(Valid with { Permits = [new PermitInput()] }));
        Assert.Equal(
            "Kies het bevoegd gezag: gemeente, provincie of Rijk.",
            Message(Check(Valid with { Permits = [new PermitInput { Id = 7 }] }), ProjectFields.Permit(0, ProjectFields.PermitAuthority)));
        Assert.Equal(
            "Kies het bevoegd gezag: gemeente, provincie of Rijk.",
            Message(Check(Valid with { Permits = [new PermitInput { CaseNumber = "Z-1" }] }), ProjectFields.Permit(0, ProjectFields.PermitAuthority)));
    }

    [Fact]
    public void An_authority_that_does_not_fit_says_which_rule_applies()
    {
        Assert.Equal(
            "Bevoegd gezag 'Rijk' past niet bij de regel: Gemeente: onder de grenzen voor provincie en Rijk.",
            Message(Check(Valid with { Permits = [new PermitInput { CompetentAuthority = CompetentAuthority.State }] }), ProjectFields.Permit(0, ProjectFields.PermitAuthority)));
    }

    [Fact]
    public void The_authority_is_not_judged_when_technique_or_capacity_cannot_be_used()
    {
        var state = new PermitInput { CompetentAuthority = CompetentAuthority.State };
        var permitField = ProjectFields.Permit(0, ProjectFields.PermitAuthority);

        Assert.Null(Message(Check(Valid with { Technique = null, Permits = [state] }), permitField));
        Assert.Null(Message(Check(Valid with { Technique = Technique.TechnologyNeutral, Permits = [state] }), permitField));
        Assert.Null(Message(Check(Valid with { CapacityMw = null, Permits = [state] }), permitField));
        Assert.Null(Message(Check(Valid with { CapacityMw = 0m, Permits = [state] }), permitField));
        Assert.Null(Message(Check(Valid with { CapacityMw = 5_000m, Permits = [state] }), permitField));
        Assert.NotNull(Message(Check(Valid with { CapacityMw = 2_000m, Permits = [new PermitInput { CompetentAuthority = CompetentAuthority.Municipality }] }), permitField));
    }

    [Fact]
    public void A_case_number_of_100_characters_is_accepted_and_of_101_refused()
    {
        var permit = new PermitInput { CompetentAuthority = CompetentAuthority.Municipality };
        Assert.Empty(Check(Valid with { Permits = [permit with { CaseNumber = new string('z', 100) }] }));
        Assert.Empty(Check(Valid with { Permits = [permit with { CaseNumber = " " + new string('z', 100) + " " }] }));

        Assert.Equal(
            "Het zaaknummer is langer dan 100 tekens.",
            Message(Check(Valid with { Permits = [permit with { CaseNumber = new string('z', 101) }] }), ProjectFields.Permit(0, ProjectFields.PermitCaseNumber)));
    }

    [Fact]
    public void A_stored_permit_keeps_the_submitted_values_trimmed()
    {
        var permit = ProjectValidation.ToPermit(
            new PermitInput { CaseNumber = "  Z-2024-1 ", AppliedOn = new(2024, 1, 1), GrantedOn = new(2024, 2, 1), IrrevocableOn = new(2024, 3, 1), HandedOverToProvinceOn = new(2023, 12, 1) },
            "DR-Z-001");

        Assert.Equal("DR-Z-001", permit.ProjectId);
        Assert.Equal(CompetentAuthority.Municipality, permit.CompetentAuthority);
        Assert.Equal("Z-2024-1", permit.CaseNumber);
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1), new DateOnly(2023, 12, 1)),
            (permit.AppliedOn, permit.GrantedOn, permit.IrrevocableOn, permit.HandedOverToProvinceOn));
        Assert.Null(ProjectValidation.ToPermit(new PermitInput { CaseNumber = "  " }, "P").CaseNumber);
        Assert.Equal(CompetentAuthority.State, ProjectValidation.ToPermit(new PermitInput { CompetentAuthority = CompetentAuthority.State }, "P").CompetentAuthority);
    }
}
