using ResMonitor.Core.Grid;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Signals;

namespace ResMonitor.Core.Tests;

/// <summary>The grid rule: an open project in an area with feed-in congestion on the reference date gets a signal.</summary>
public sealed class GridCongestionRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private const int Coevorden = 7;
    private const int Assen = 8;

    [Fact]
    public void An_open_project_in_a_municipality_with_feed_in_congestion_gets_a_signal_with_the_record_and_its_source()
    {
        var record = Record(3, Coevorden, CongestionKind.FeedIn, since: new(2022, 6, 1), expected: new(2029, 12, 31), reinforcement: "verzwaring station Noord");

        var signal = Assert.Single(Evaluate([record], Project("p1", Coevorden, Phase.InProcedure)));

        Assert.Equal(SignalRule.NoGridCapacity, signal.Rule);
        Assert.Equal("p1", signal.Subject);
        Assert.Equal("/projecten/p1", signal.Link);
        Assert.Equal(new DateOnly(2022, 6, 1), signal.Since);
        Assert.Equal(
            "Nu in de fase in procedure. Netcongestie nr. 3: leveringscongestie in de gemeente Coevorden bij Enexis Netbeheer sinds 1 juni 2022; " +
            "verwacht einde: 31 december 2029, na verzwaring station Noord. Bron: Capaciteitskaart, peildatum 1 oktober 2026.",
            signal.Facts);
    }

    [Fact]
    public void Congestion_that_ended_before_the_reference_date_or_starts_after_it_gives_no_signal()
    {
        var ended = Record(1, Coevorden, CongestionKind.FeedIn, since: new(2021, 1, 1), ended: new(2024, 9, 1));
        var endsToday = Record(2, Coevorden, CongestionKind.FeedIn, since: new(2021, 1, 1), ended: Today);
        var later = Record(3, Coevorden, CongestionKind.FeedIn, since: Today.AddDays(1));

        Assert.Empty(Evaluate([ended, endsToday, later], Project("p1", Coevorden, Phase.Permitted)));
        Assert.Single(Evaluate([Record(4, Coevorden, CongestionKind.FeedIn, since: new(2021, 1, 1), ended: Today.AddDays(1))], Project("p1", Coevorden, Phase.Permitted)));
    }

    [Fact]
    public void A_realised_or_withdrawn_project_gets_no_signal()
    {
        var record = Record(1, Coevorden, CongestionKind.FeedIn, since: new(2022, 1, 1));

        var signals = Evaluate([record], Project("built", Coevorden, Phase.Realised), Project("gone", Coevorden, Phase.Withdrawn), Project("idea", Coevorden, Phase.Idea));

        Assert.Equal(["idea"], signals.Select(s => s.Subject));
    }

    [Fact]
    public void Offtake_congestion_alone_gives_a_producing_project_no_signal_unless_configured()
    {
        var record = Record(1, Assen, CongestionKind.Offtake, since: new(2023, 3, 1));
        var project = Project("p1", Assen, Phase.Irrevocable);

        Assert.Empty(Evaluate([record], project));
        var configured = SignalRules.Evaluate([project], [], 0, Today, new SignalOptions { GridCongestionIncludesOfftake = true }, [record]);
        Assert.Contains("afnamecongestie", Assert.Single(configured, s => s.Rule == SignalRule.NoGridCapacity).Facts);
    }

    [Fact]
    public void Congestion_in_a_search_area_signals_the_projects_in_that_area_only()
    {
        var record = Record(1, null, CongestionKind.FeedIn, since: new(2024, 1, 1), searchArea: "ZG-1");

        var signals = Evaluate([record], Project("inside", Coevorden, Phase.InProcedure, "ZG-1"), Project("outside", Coevorden, Phase.InProcedure));

        var signal = Assert.Single(signals);
        Assert.Equal("inside", signal.Subject);
        Assert.Contains("in het zoekgebied Zoekgebied ZG-1", signal.Facts);
        Assert.Contains("verwacht einde: onbekend", signal.Facts);
    }

    [Fact]
    public void An_example_record_never_signals_a_real_project()
    {
        var example = Record(1, Coevorden, CongestionKind.FeedIn, since: new(2022, 1, 1)) with { IsExample = true };

        var signals = Evaluate([example], Project("real", Coevorden, Phase.InProcedure), Project("VB-1", Coevorden, Phase.InProcedure) with { IsExample = true });

        var signal = Assert.Single(signals);
        Assert.Equal("VB-1", signal.Subject);
        Assert.True(signal.IsExample);
        Assert.Contains("Netcongestie nr. 1 (voorbeeld)", signal.Facts);
    }

    [Fact]
    public void Two_records_for_the_same_project_give_one_signal_that_names_both()
    {
        var enexis = Record(1, Coevorden, CongestionKind.FeedIn, since: new(2023, 1, 1));
        var tennet = Record(2, Coevorden, CongestionKind.FeedIn, since: new(2022, 1, 1)) with { GridOperatorName = "TenneT" };

        var signal = Assert.Single(Evaluate([enexis, tennet], Project("p1", Coevorden, Phase.InProcedure)));

        Assert.Contains("Netcongestie nr. 2", signal.Facts);
        Assert.Contains("Netcongestie nr. 1", signal.Facts);
        Assert.Equal(new DateOnly(2022, 1, 1), signal.Since);
    }

    [Theory]
    [InlineData("2026-01-01", null, "2025-12-31", "einde", "Het einde (31 december 2025) ligt vóór het begin (1 januari 2026).")]
    [InlineData("2026-01-01", "2025-06-30", null, "verwacht", "Het verwachte einde (30 juni 2025) ligt vóór het begin (1 januari 2026).")]
    [InlineData("2026-01-01", null, "2027-01-01", "einde", "Het einde (1 januari 2027) ligt in de toekomst.")]
    public void Dates_out_of_order_are_refused_next_to_their_field(string since, string? expected, string? ended, string field, string message)
    {
        var input = new CongestionInput("gemeente:GM0109", "ENEXIS", CongestionKind.FeedIn, DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture),
            expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            null, ended is null ? null : DateOnly.Parse(ended, System.Globalization.CultureInfo.InvariantCulture), "Capaciteitskaart", Today);

        var problem = Assert.Single(CongestionRules.Validate(input, Today));

        Assert.Equal(field, problem.Field);
        Assert.StartsWith(message, problem.Message);
    }

    [Fact]
    public void A_missing_source_or_reference_date_is_refused()
    {
        var problems = CongestionRules.Validate(new CongestionInput("gemeente:GM0109", "ENEXIS", CongestionKind.FeedIn, Today, null, null, null, " ", null), Today);

        Assert.Equal(["bron", "peildatum"], problems.Select(p => p.Field));
    }

    private static List<Signal> Evaluate(CongestionView[] congestion, params SignalProject[] projects) =>
        SignalRules.Evaluate(projects, [], 0, Today, new SignalOptions(), congestion).Where(s => s.Rule == SignalRule.NoGridCapacity).ToList();

    private static SignalProject Project(string id, int municipality, Phase phase, string? searchArea = null) =>
        new(id, id, municipality, phase, Novelty.New, Today, new(2024, 1, 1), null, 1_000, false, searchArea);

    private static CongestionView Record(long id, int? municipality, CongestionKind kind, DateOnly since, DateOnly? expected = null, string? reinforcement = null, DateOnly? ended = null, string? searchArea = null) =>
        new(id, searchArea is null ? (municipality == Assen ? "Assen" : "Coevorden") : "Zoekgebied " + searchArea, searchArea is null ? municipality : null, null, searchArea,
            "ENEXIS", "Enexis Netbeheer", kind, since, expected, reinforcement, ended, "Capaciteitskaart", new(2026, 10, 1), false);
}
