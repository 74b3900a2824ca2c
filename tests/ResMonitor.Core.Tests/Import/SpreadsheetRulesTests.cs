using ResMonitor.Core.Energy;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests;

/// <summary>The rules behind a civil servant's spreadsheet: headers, municipality names, statuses, ids and duplicates.</summary>
public class SpreadsheetRulesTests
{
    private static readonly MunicipalityNames Drenthe = new([
        new(1, "GM1680", "Aa en Hunze"), new(2, "GM0106", "Assen"), new(3, "GM1681", "Borger-Odoorn"),
        new(4, "GM1699", "Noordenveld"), new(5, "GM1701", "Westerveld"), new(6, "GM1690", "De Wolden"),
    ]);

    [Theory]
    [InlineData("Naam project", "naam")]
    [InlineData("PROJECTNAAM", "naam")]
    [InlineData("Vermogen (MW)", "vermogen_mw")]
    [InlineData("vermogen mw", "vermogen_mw")]
    [InlineData("Gemeente", "gemeente")]
    [InlineData("Status", "status")]
    [InlineData("Datum", "datum_status")]
    [InlineData("Datum status", "datum_status")]
    [InlineData("Techniek", "techniek")]
    [InlineData("datum_vergund", "datum_vergund")]
    [InlineData("Lokaal eigendom (%)", "lokaal_eigendom_pct")]
    [InlineData("X-coördinaat", "rd_x")]
    public void Known_header_variants_mean_their_column(string header, string column) =>
        Assert.Equal(new ImportColumns.Match(column, null), ImportColumns.Recognise(header));

    [Fact]
    public void A_header_that_could_be_two_columns_names_both_and_an_unknown_one_none()
    {
        Assert.Equal(["vergunning_aangevraagd", "vergunning_verleend"], ImportColumns.Recognise("Vergunning").Candidates!);
        Assert.Equal(new ImportColumns.Match(null, null), ImportColumns.Recognise("Opmerking intern"));
    }

    [Theory]
    [InlineData("Borger-Odoorn", "GM1681")]
    [InlineData("borger odoorn", "GM1681")]
    [InlineData("BORGER-ODOORN", "GM1681")]
    [InlineData("Gemeente Aa en Hunze", "GM1680")]
    [InlineData("aa-en-hunze", "GM1680")]
    [InlineData("GM0106", "GM0106")]
    [InlineData("gm106", "GM0106")]
    [InlineData(" Assen ", "GM0106")]
    public void A_municipality_is_found_by_name_or_code(string text, string code) =>
        Assert.Equal(code, Drenthe.Resolve(text).Found?.Code);

    [Fact]
    public void A_name_outside_the_region_and_a_part_that_fits_two_are_refused_with_the_valid_names()
    {
        var outside = Drenthe.Resolve("Groningen");
        Assert.Null(outside.Found);
        Assert.Equal("De gemeente 'Groningen' ligt niet in deze regio. Gemeenten in deze regio: Aa en Hunze, Assen, Borger-Odoorn, De Wolden, Noordenveld, Westerveld (of hun CBS-code, zoals GM1680).", outside.Problem);
        var ambiguous = Drenthe.Resolve("veld");
        Assert.Null(ambiguous.Found);
        Assert.StartsWith("'veld' past bij meer dan één gemeente (Noordenveld, Westerveld)", ambiguous.Problem);
        Assert.EndsWith("Gemeenten in deze regio: Aa en Hunze, Assen, Borger-Odoorn, De Wolden, Noordenveld, Westerveld.", ambiguous.Problem);
    }

    [Theory]
    [InlineData("In procedure", Phase.InProcedure)]
    [InlineData("Vergund", Phase.Permitted)]
    [InlineData("Gerealiseerd", Phase.Realised)]
    [InlineData("In bedrijf", Phase.Realised)]
    [InlineData("in-bedrijf", Phase.Realised)]
    [InlineData("SDE-beschikking", Phase.Subsidy)]
    public void Statuses_as_people_write_them_are_phases(string status, Phase phase) => Assert.Equal(phase, ImportColumns.ParseStatus(status));

    [Theory]
    [InlineData("Zon", Technique.SolarOnLand)]
    [InlineData("Zon op land", Technique.SolarOnLand)]
    [InlineData("Zon op dak", Technique.SolarOnRoof)]
    [InlineData("Wind", Technique.Wind)]
    [InlineData("Windpark", Technique.Wind)]
    public void Technique_words_of_a_spreadsheet_are_read(string text, Technique technique) => Assert.Equal(technique, ImportColumns.ParseTechnique(text));

    [Fact]
    public void A_generated_id_is_readable_stable_and_at_most_64_characters()
    {
        Assert.Equal("drenthe-gm1681-zonnepark-buinerveen", ProjectImporter.GeneratedId("drenthe", "GM1681", "Zonnepark Buinerveen"));
        var longName = "Zonnepark " + new string('a', 80);
        var id = ProjectImporter.GeneratedId("drenthe", "GM1681", longName);
        Assert.Equal(64, id.Length);
        Assert.Equal(id, ProjectImporter.GeneratedId("drenthe", "GM1681", longName));
        Assert.NotEqual(id, ProjectImporter.GeneratedId("drenthe", "GM1681", longName + "b"));
    }

    [Fact]
    public void A_duplicate_is_a_similar_name_a_capacity_within_five_percent_or_a_location_within_500_metres()
    {
        var register = new DuplicateFinder([
            new("A", "Zonnepark De Hooge Stoep", 3, Technique.SolarOnLand, 20m, null, null),
            new("B", "Windpark Oost", 3, Technique.Wind, 40m, 52.9000, 6.9000),
        ]);

        Assert.Equal("A", register.Resembles("Zonneveld Hooge Stoep", 3, Technique.SolarOnLand, 5m, null, null)?.Project.Id);
        Assert.Null(register.Resembles("Zonneveld Hooge Stoep", 4, Technique.SolarOnLand, 5m, null, null));
        Assert.Equal("A", register.Resembles("Iets anders", 3, Technique.SolarOnLand, 20.9m, null, null)?.Project.Id);
        Assert.Null(register.Resembles("Iets anders", 3, Technique.SolarOnLand, 21.1m, null, null));
        Assert.Null(register.Resembles("Iets anders", 3, Technique.SolarOnRoof, 20m, null, null));
        // 0.004° north is about 445 m; 0.005° about 556 m.
        Assert.Equal("B", register.Resembles("Turbines", 9, Technique.Wind, 3m, 52.9040, 6.9000)?.Project.Id);
        Assert.Null(register.Resembles("Turbines", 9, Technique.Wind, 3m, 52.9050, 6.9000));
        Assert.Equal("A", register.SameName(3, "zonnepark de hooge-stoep")?.Id);
    }
}
