using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Cli;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>What the editing tests share: accounts, signing in, reading a form as a browser would send it, and a project of one's own.</summary>
public static partial class EditingSupport
{
    /// <summary>A new client of the factory (its own cookies), signed in as a new user of the role.</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInAsync(MonitorFactory factory, TestDatabase database, string role, string? organisation = null)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = await BeheerSession.SignInAsync(client, database, role, organisation);
        return (client, email);
    }

    /// <summary>A project of the test's own in a municipality, with one phase and optionally a permit.</summary>
    public static async Task<string> NewProjectAsync(
        TestDatabase database, string municipalityCode, Technique technique = Technique.SolarOnLand, decimal capacityMw = 12m,
        CompetentAuthority? permit = null)
    {
        var id = "T-" + Guid.NewGuid().ToString("N")[..10];
        await using var db = database.CreateContext();
        db.Actor = new AuditActor("testopzet", "cli");
        var municipality = await db.Organisations.SingleAsync(o => o.Code == municipalityCode);
        var project = new Project
        {
            Id = id, RegionId = "drenthe", Name = "Testproject " + id, Technique = technique, CapacityMw = capacityMw,
            MunicipalityId = municipality.Id, Phase = Phase.InProcedure, PhaseDate = new DateOnly(2023, 3, 1),
            Source = "Testbron", SourceDate = new DateOnly(2025, 1, 1), LocalOwnershipPercent = 50m, Participation = "Omwonendenfonds",
        };
        project.PhaseHistory.Add(new PhaseChange { ProjectId = id, Phase = Phase.Idea, Date = new DateOnly(2022, 1, 1) });
        project.PhaseHistory.Add(new PhaseChange { ProjectId = id, Phase = Phase.InProcedure, Date = new DateOnly(2023, 3, 1) });
        if (permit is { } authority)
        {
            project.Permits.Add(new Permit { ProjectId = id, CompetentAuthority = authority, CaseNumber = "Z-" + id, AppliedOn = new DateOnly(2023, 3, 1) });
        }

        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<Project> ProjectAsync(TestDatabase database, string id)
    {
        await using var db = database.CreateContext();
        return await db.Projects.AsNoTracking().Include(p => p.PhaseHistory).Include(p => p.Permits).AsSplitQuery().SingleAsync(p => p.Id == id);
    }

    public static async Task<List<AuditEntry>> AuditAsync(TestDatabase database, string table, string rowKey)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.TableName == table && a.RowKey == rowKey).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<int> AuditCountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }

    /// <summary>The fields of the edit form as a browser would send them, with the form token.</summary>
    public static Dictionary<string, string> FormOf(string html)
    {
        var start = html.IndexOf("<form class=\"rm-account-form rm-edit-form\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "No edit form on the page.");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            var type = Attribute(tag, "type") ?? "text";
            if (name is null || type == "submit" || (type == "checkbox" && !tag.Contains("checked", StringComparison.Ordinal)))
            {
                continue;
            }

            values[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            var options = OptionPattern().Matches(select.Groups[2].Value);
            var chosen = options.FirstOrDefault(o => o.Value.Contains("selected", StringComparison.Ordinal)) ?? options.First();
            values[select.Groups[1].Value] = WebUtility.HtmlDecode(chosen.Groups[1].Value);
        }

        foreach (Match area in TextareaPattern().Matches(form))
        {
            values[area.Groups[1].Value] = WebUtility.HtmlDecode(area.Groups[2].Value);
        }

        return values;
    }

    /// <summary>Opens the edit page, changes some fields and posts the form.</summary>
    public static async Task<HttpResponseMessage> EditAsync(HttpClient client, string id, Dictionary<string, string> changes)
    {
        var form = FormOf(await client.GetStringAsync($"/beheer/projecten/{id}"));
        foreach (var (key, value) in changes)
        {
            form[key] = value;
        }

        return await client.PostAsync($"/beheer/projecten/{id}", new FormUrlEncodedContent(form));
    }

    public static string TokenIn(string html) => BeheerSession.TokenIn(html);

    /// <summary>The API's form token for a signed-in client, and the client ready to send it.</summary>
    public static async Task<string> ApiTokenAsync(HttpClient client)
    {
        var token = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/antiforgery");
        return token.GetProperty("token").GetString()!;
    }

    public static HttpRequestMessage Put(string id, object body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{id}") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return request;
    }

    /// <summary>The message shown next to a field (its element with id {field}-fout), or null.</summary>
    public static string? MessageNextTo(string html, string htmlId)
    {
        var match = Regex.Match(html, $"<p class=\"utrecht-form-field-error-message rm-field-error\" id=\"{Regex.Escape(htmlId)}-fout\">(.*?)</p>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", "")) : null;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([^\"]*)\"[^>]*>")]
    private static partial Regex OptionPattern();

    [GeneratedRegex("<textarea\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();

}
