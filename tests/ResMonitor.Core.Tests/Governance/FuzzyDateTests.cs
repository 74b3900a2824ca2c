using ResMonitor.Core.Governance;

namespace ResMonitor.Core.Tests.Governance;

/// <summary>A date is read as people write it and written back no more exact than it is known.</summary>
public sealed class FuzzyDateTests
{
    [Theory]
    [InlineData("1 juli 2023", DatePrecision.Day, "2023-07-01", "2023-07-01", "1 juli 2023")]
    [InlineData("2023-07-01", DatePrecision.Day, "2023-07-01", "2023-07-01", "1 juli 2023")]
    [InlineData("29 februari 2024", DatePrecision.Day, "2024-02-29", "2024-02-29", "29 februari 2024")]
    [InlineData("juli 2023", DatePrecision.Month, "2023-07-01", "2023-07-31", "juli 2023")]
    [InlineData("Feb 2024", DatePrecision.Month, "2024-02-01", "2024-02-29", "februari 2024")]
    [InlineData("2023-02", DatePrecision.Month, "2023-02-01", "2023-02-28", "februari 2023")]
    [InlineData("Q3 2023", DatePrecision.Quarter, "2023-07-01", "2023-09-30", "derde kwartaal 2023")]
    [InlineData("4e kwartaal 2025", DatePrecision.Quarter, "2025-10-01", "2025-12-31", "vierde kwartaal 2025")]
    [InlineData("eerste kwartaal van 2024", DatePrecision.Quarter, "2024-01-01", "2024-03-31", "eerste kwartaal 2024")]
    [InlineData("voorjaar 2022", DatePrecision.Season, "2022-03-01", "2022-05-31", "voorjaar 2022")]
    [InlineData("Lente 2022", DatePrecision.Season, "2022-03-01", "2022-05-31", "voorjaar 2022")]
    [InlineData("zomer 2024", DatePrecision.Season, "2024-06-01", "2024-08-31", "zomer 2024")]
    [InlineData("herfst 2024", DatePrecision.Season, "2024-09-01", "2024-11-30", "najaar 2024")]
    [InlineData("winter 2023", DatePrecision.Season, "2023-12-01", "2024-02-29", "winter 2023-2024")]
    [InlineData("tweede helft van 2023", DatePrecision.HalfYear, "2023-07-01", "2023-12-31", "tweede helft 2023")]
    [InlineData("H1 2026", DatePrecision.HalfYear, "2026-01-01", "2026-06-30", "eerste helft 2026")]
    [InlineData("begin 2024", DatePrecision.EarlyYear, "2024-01-01", "2024-04-30", "begin 2024")]
    [InlineData("eind 2023", DatePrecision.LateYear, "2023-09-01", "2023-12-31", "eind 2023")]
    [InlineData("einde van 2023", DatePrecision.LateYear, "2023-09-01", "2023-12-31", "eind 2023")]
    [InlineData(" 2025 ", DatePrecision.Year, "2025-01-01", "2025-12-31", "2025")]
    public void A_date_is_read_with_its_precision_and_written_back_no_more_exact(string text, DatePrecision precision, string start, string end, string written)
    {
        var date = FuzzyDate.Parse(text);

        Assert.NotNull(date);
        Assert.Equal(precision, date.Value.Precision);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), date.Value.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.Value.End);
        Assert.Equal(written, date.Value.Format());
        Assert.Equal(date, FuzzyDate.Parse(written));
    }

    [Theory]
    [InlineData("zomer 20x")]
    [InlineData("31 juni 2023")]
    [InlineData("29 februari 2023")]
    [InlineData("Q5 2023")]
    [InlineData("derde helft 2023")]
    [InlineData("juli")]
    [InlineData("binnenkort")]
    [InlineData("2023-13")]
    [InlineData("ma 2023")]
    [InlineData("")]
    [InlineData("  ")]
    public void What_cannot_be_read_as_a_date_is_refused(string text) => Assert.Null(FuzzyDate.Parse(text));

    [Theory]
    [InlineData("voorjaar 2022", "spring 2022")]
    [InlineData("Q3 2023", "Q3 2023")]
    [InlineData("1 juli 2023", "1 July 2023")]
    [InlineData("tweede helft 2023", "second half of 2023")]
    [InlineData("eind 2023", "late 2023")]
    public void English_pages_write_the_date_in_English(string text, string english) =>
        Assert.Equal(english, FuzzyDate.Parse(text)!.Value.Format(english: true));

    [Fact]
    public void A_planned_moment_whose_date_has_passed_says_it_is_not_confirmed()
    {
        var moment = new DecisionMoment { RegionId = "r", Title = "Bevindingen PBL", Source = "s", Date = FuzzyDate.Parse("eind 2023")!.Value, Status = MomentStatus.Planned };

        Assert.Equal("gepland", Timeline.StatusText(moment, new DateOnly(2023, 12, 31), english: false));
        Assert.Equal("gepland; de datum is voorbij, nog niet bevestigd als geweest", Timeline.StatusText(moment, new DateOnly(2024, 1, 1), english: false));
        moment.Status = MomentStatus.Held;
        Assert.Equal("geweest", Timeline.StatusText(moment, new DateOnly(2024, 1, 1), english: false));
    }

    [Fact]
    public void A_moment_needs_a_readable_date_a_title_and_a_source_and_stores_nothing_otherwise()
    {
        var problems = Timeline.Check(new MomentInput("", "zomer 20x", "Election", "Local", "Planned", null, false, "", null), out var moment, "drenthe");

        Assert.Null(moment);
        Assert.Equal(["title", "date", "source"], problems.Select(p => p.Field));
        Assert.Equal("De datum 'zomer 20x' is niet te lezen. Schrijf bijvoorbeeld " + FuzzyDate.Examples + ".", problems[1].Message);
    }

    [Fact]
    public void The_seeded_drenthe_timeline_reads_and_every_moment_names_its_source()
    {
        var text = new StreamReader(typeof(Timeline).Assembly.GetManifestResourceStream("reference/drenthe/timeline.json")!).ReadToEnd();

        var moments = TimelineSeed.Read("drenthe", text);

        Assert.Equal(13, moments.Count);
        // Every source names its organisation and document and quotes the sentence the moment comes from.
        Assert.All(moments, m => Assert.Matches(@"^(Nationaal Programma RES|RES regio Drenthe|Gedeputeerde Staten van Drenthe), [^:]+ \(20\d\d\): “[^”]+”$", m.Source));
        var elections = moments.Single(m => m.Title == "Gemeenteraadsverkiezingen");
        Assert.Equal(("voorjaar 2022", MomentStatus.Held), (elections.Date.Format(), elections.Status));
        Assert.Equal("eind 2023", moments.Single(m => m.Title.StartsWith("Bevindingen", StringComparison.Ordinal)).Date.Format());
        Assert.True(moments.Single(m => m.Title == "Omgevingsvisie vastgesteld").IsLegalDeadline);
        Assert.False(moments.Single(m => m.Kind == MomentKind.PermitDeadline).IsLegalDeadline);
    }

    [Fact]
    public void A_timeline_file_with_an_unreadable_date_names_the_moment_and_stores_nothing()
    {
        var error = Assert.Throws<InvalidDataException>(() => TimelineSeed.Read("drenthe",
            """{ "moments": [ { "title": "A", "date": "2023", "kind": "Election", "level": "Local", "source": "s" }, { "title": "B", "date": "zomer 20x", "kind": "Election", "level": "Local", "source": "s" } ] }"""));

        Assert.StartsWith("timeline.json: moments[1].date: De datum 'zomer 20x' is niet te lezen.", error.Message);
    }
}
