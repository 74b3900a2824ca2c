using ResMonitor.Core.Forecast;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests;

/// <summary>Which stored version of the forecast assumptions is in force, and what a new version must satisfy.</summary>
public sealed class ForecastAssumptionVersionTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void A_newer_version_that_cannot_be_used_is_passed_over()
    {
        var good = Rows(ForecastAssumptions.Defaults with { Version = "goed", ValidFrom = new(2026, 1, 1) }, firstId: 1);
        var bad = Rows(ForecastAssumptions.Defaults with { Version = "kapot", ValidFrom = new(2026, 6, 1) }, firstId: 100);
        bad.Single(r => r.Phase == Phase.Permitted).RealisationProbability = 1.2m;

        var versions = ForecastAssumptionRow.Versions([.. good, .. bad]);

        Assert.Equal("goed", ForecastAssumptionRow.InForce([.. good, .. bad], Today).Version);
        Assert.Equal(["kapot", "goed"], versions.Select(v => v.Assumptions.Version));
        var problem = Assert.Single(versions[0].Problems);
        Assert.Equal((Phase.Permitted, "kans"), (problem.Phase!.Value, problem.Field));
    }

    [Fact]
    public void Of_two_versions_starting_on_the_same_day_the_one_saved_last_is_in_force_whatever_its_name()
    {
        var first = Rows(ForecastAssumptions.Defaults with { Version = "zomer", ValidFrom = Today }, firstId: 1);
        var second = Rows(ForecastAssumptions.Defaults with { Version = "aanpassing", ValidFrom = Today }, firstId: 50);

        Assert.Equal("aanpassing", ForecastAssumptionRow.InForce([.. first, .. second], Today).Version);
        Assert.Equal(ForecastAssumptions.Defaults.Version, ForecastAssumptionRow.InForce([.. first, .. second], Today.AddDays(-1)).Version);
    }

    [Theory]
    [InlineData("", 0, "versie")]
    [InlineData("standaard-2025", 0, "versie")]
    [InlineData("nieuw", -1, "geldigvanaf")]
    public void A_new_version_needs_a_new_name_and_may_not_start_in_the_past(string name, int days, string field)
    {
        var existing = ForecastAssumptionRow.Versions(Rows(ForecastAssumptions.Defaults, firstId: 1));
        var draft = ForecastAssumptions.Defaults with { Version = name, ValidFrom = Today.AddDays(days), Source = "Test" };

        var problems = ForecastAssumptionStore.Validate(draft, existing, Today);

        Assert.Equal(field, Assert.Single(problems).Field);
        Assert.Empty(ForecastAssumptionStore.Validate(draft with { Version = "nieuw", ValidFrom = Today }, existing, Today));
    }

    [Fact]
    public void Each_negative_delay_is_named_with_its_own_field()
    {
        var draft = ForecastAssumptions.Defaults with
        {
            Phases = ForecastAssumptions.Defaults.Phases.Select(p => p.Phase == Phase.Subsidy ? p with { MinMonths = -1, MaxMonths = -2 } : p).ToList(),
        };

        var problems = draft.FieldProblems();

        Assert.Equal(["kortst", "langst"], problems.Select(p => p.Field));
        Assert.Contains("Fase SDE-beschikking: de langste vertraging kan niet negatief zijn (nu -2 maanden).", draft.Problems());
    }

    private static List<ForecastAssumptionRow> Rows(ForecastAssumptions assumptions, int firstId)
    {
        var rows = ForecastAssumptionRow.From("drenthe", assumptions).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Id = firstId + i;
        }

        return rows;
    }
}
