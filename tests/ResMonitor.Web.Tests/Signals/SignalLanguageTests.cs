using System.Net;
using System.Text.RegularExpressions;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The signals page in the reader's language and in one unit: on the English page every rule and every signal's facts
/// are English; the municipalities' figures on one page speak one unit.
/// </summary>
public abstract class SignalLanguageTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private async Task<List<string>> FactsAsync(string path)
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync(path));
        return Regex.Matches(html, "<ul class=\"utrecht-unordered-list rm-signals\">(.*?)</ul>", RegexOptions.Singleline)
            .SelectMany(list => Regex.Matches(list.Groups[1].Value, "<li[^>]*>(.*?)</li>", RegexOptions.Singleline))
            .Select(item => Regex.Replace(item.Groups[1].Value, "<[^>]+>", "").Trim())
            .ToList();
    }

    /// <summary>The facts without the sources they cite in brackets: a source keeps its own language and units.</summary>
    private static string WithoutSources(string facts)
    {
        var text = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in facts)
        {
            depth += c == '(' ? 1 : 0;
            if (depth == 0)
            {
                text.Append(c);
            }

            depth -= c == ')' && depth > 0 ? 1 : 0;
        }

        return text.ToString();
    }

    [Fact]
    public async Task The_english_page_gives_every_signal_in_english()
    {
        var english = await FactsAsync("/signalen?lang=en");
        var dutch = await FactsAsync("/signalen");

        Assert.NotEmpty(english);
        Assert.Equal(dutch.Count, english.Count);
        Assert.Contains(english, f => f.Contains("No permit before 1 January 2025, the deadline for the 2030 target; now in the phase", StringComparison.Ordinal));
        Assert.Contains(english, f => f.Contains("No agreed contribution known; split by number of inhabitants: realised plus permitted or in procedure", StringComparison.Ordinal));
        Assert.Contains(dutch, f => f.Contains("Geen vergunning vóór 1 januari 2025", StringComparison.Ordinal));
        // Not a Dutch sentence left: the words every Dutch fact uses.
        Assert.All(english, f => Assert.DoesNotMatch(@"\b(Geen|gerealiseerd|vergund of in procedure|maanden|Afgesproken|per jaar|fase)\b", WithoutSources(f)));
    }

    [Fact]
    public async Task The_english_page_says_what_a_new_project_is_in_english()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/signalen?lang=en"));

        Assert.Contains("A new project (first in the phase in procedure (or further) on or after 1 July 2021, or not that far yet) known to have less than 50% local ownership.", html);
        Assert.DoesNotContain("voor het eerst in de fase", html);
    }

    [Fact]
    public async Task The_municipalities_behind_their_share_speak_one_unit()
    {
        var facts = await FactsAsync("/signalen");
        var municipal = facts.Where(f => f.Contains("verdeling naar inwonertal", StringComparison.Ordinal) || f.Contains("Afgesproken bijdrage", StringComparison.Ordinal)).ToList();

        Assert.True(municipal.Count >= 2, string.Join("\n", facts));
        var units = municipal.SelectMany(f => Regex.Matches(WithoutSources(f), @"\d (MWh|GWh|TWh)\b").Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.Equal(["GWh"], units);
    }
}

public sealed class SqliteSignalLanguageTests(SqliteDatabase database) : SignalLanguageTests<SqliteDatabase>(database);

public sealed class PostgresSignalLanguageTests(PostgresDatabase database) : SignalLanguageTests<PostgresDatabase>(database);
