using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Cli;
using ResMonitor.Core.Data;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Accounts on both databases: `resmonitor user add|list`, signing in and out, lockout, the login rate limit,
/// form tokens, the protected /beheer page, no anonymous API writes, and a public site that sets no cookie.
/// </summary>
public abstract partial class AccountTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string GoodPassword = "zonneweide-aan-de-a28";


    // ---------- the header and the menu ----------

    [Fact]
    public async Task Every_public_page_is_in_the_menu_and_a_signed_in_editor_sees_Beheer_in_the_header()
    {
        using var anonymous = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await anonymous.GetStringAsync("/");
        var menu = Regex.Match(html, "<nav class=\"rm-nav\"[\\s\\S]*?</nav>").Value;
        foreach (var path in new[] { "/kaart", "/gemeenten", "/prognose", "/signalen", "/indicatoren", "/netcongestie", "/opschaling", "/open-data" })
        {
            Assert.Contains($"href=\"{path}\"", menu);
        }

        var header = Regex.Match(await anonymous.GetStringAsync("/gemeenten"), "<header[\\s\\S]*?</header>").Value;
        Assert.DoesNotContain("href=\"/beheer\"", header);

        using var editor = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BeheerSession.SignInAsync(editor, Database, "beheerder");
        // The same address the anonymous visitor had served from the page cache: the editor gets a page of their own.
        var signedIn = Regex.Match(await editor.GetStringAsync("/gemeenten"), "<header[\\s\\S]*?</header>").Value;
        Assert.Contains("<a class=\"rm-language\" href=\"/beheer\">Beheer</a>", signedIn);
        Assert.DoesNotContain("href=\"/beheer\"", Regex.Match(await anonymous.GetStringAsync("/gemeenten"), "<header[\\s\\S]*?</header>").Value);
    }

    // ---------- resmonitor user add | list ----------

    [Fact]
    public async Task User_add_creates_a_redacteur_of_one_organisation_and_user_list_shows_it()
    {
        var email = NewEmail();
        var (code, output, error) = await AddUserAsync(GoodPassword, "user", "add", email, "--role", "redacteur", "--organisation", "GM0106", "--name", "Anna de Vries");

        Assert.True(code == 0, error);
        Assert.Contains($"Gebruiker {email} aangemaakt als redacteur van GM0106, regio drenthe.", output);
        var list = await Database.RunAsync("user", "list");
        Assert.Equal(0, list.Code);
        var line = Assert.Single(list.Output.Split('\n'), l => l.Contains(email, StringComparison.Ordinal));
        Assert.Contains("redacteur", line);
        Assert.Contains("Anna de Vries", line);
        Assert.Contains("GM0106 Assen", line);
    }

    [Fact]
    public async Task User_add_reads_the_password_from_RESMONITOR_PASSWORD_and_it_signs_in()
    {
        var email = NewEmail();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliApp(output, error, Database.Clock)
        {
            Input = new StringReader(""),
            Variables = name => name == "RESMONITOR_PASSWORD" ? GoodPassword : null,
        };

        var code = await cli.RunAsync(["--database", Database.Setting, "user", "add", email, "--role", "beheerder"]);

        Assert.True(code == 0, error.ToString());
        var response = await SignInAsync(email, GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task User_add_refuses_a_second_account_with_the_same_email_in_any_case()
    {
        var email = NewEmail();
        Assert.Equal(0, (await AddUserAsync(GoodPassword, "user", "add", email, "--role", "lezer")).Code);

        var (code, _, error) = await AddUserAsync(GoodPassword, "user", "add", email.ToUpperInvariant(), "--role", "beheerder");

        Assert.Equal(1, code);
        Assert.Contains("Er is al een gebruiker met het e-mailadres", error);
    }

    [Theory]
    [InlineData("kort-wachtw", "minstens 12 tekens")]
    [InlineData("aaaaaaaaaaaaaaaa", "minstens 5 verschillende tekens")]
    public async Task User_add_refuses_a_weak_password_with_exit_code_1(string password, string expected)
    {
        var email = NewEmail();
        var (code, _, error) = await AddUserAsync(password, "user", "add", email, "--role", "lezer");

        Assert.Equal(1, code);
        Assert.Contains(expected, error);
        Assert.DoesNotContain(email, (await Database.RunAsync("user", "list")).Output);
    }

    [Fact]
    public async Task User_add_refuses_an_unknown_organisation_with_exit_code_1()
    {
        var (code, _, error) = await AddUserAsync(GoodPassword, "user", "add", NewEmail(), "--role", "redacteur", "--organisation", "GM9999");

        Assert.Equal(1, code);
        Assert.Contains("De organisatie 'GM9999' staat niet in het register", error);
    }

    [Theory]
    [InlineData("Een redacteur werkt voor één organisatie", "--role", "redacteur")]
    [InlineData("Alleen een redacteur hoort bij een organisatie", "--role", "lezer", "--organisation", "GM0106")]
    [InlineData("Onbekende rol 'admin'", "--role", "admin")]
    [InlineData("Geef de rol met --role", "--name", "Anna")]
    [InlineData("Een wachtwoord hoort niet op de opdrachtregel", "--role", "lezer", "--password", "geheim-op-de-regel-1")]
    public async Task User_add_with_bad_usage_exits_with_2_and_says_why(string expected, params string[] options)
    {
        var (code, output, error) = await AddUserAsync(GoodPassword, ["user", "add", NewEmail(), .. options]);

        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("geheim-op-de-regel-1", output + error);
    }

    [Fact]
    public async Task User_add_without_any_password_is_bad_usage()
    {
        var (code, _, error) = await AddUserAsync("", "user", "add", NewEmail(), "--role", "lezer");

        Assert.Equal(2, code);
        Assert.Contains("RESMONITOR_PASSWORD", error);
    }

    [Fact]
    public async Task Help_lists_the_user_commands()
    {
        var (_, output, _) = await Database.RunAsync("help");

        Assert.Contains("user add E-MAIL --role beheerder|redacteur|lezer", output);
        Assert.Contains("user list", output);
    }

    // ---------- signing in ----------

    [Fact]
    public async Task Signing_in_with_the_right_password_opens_beheer_with_name_role_and_organisation()
    {
        var email = await NewUserAsync("redacteur", "GM0109");

        var response = await SignInAsync(email, GoodPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/beheer", response.Headers.Location?.OriginalString);
        var html = await Client.GetStringAsync("/beheer");
        Assert.Contains("U bent ingelogd als Testpersoon", html);
        Assert.Contains("<dd>redacteur</dd>", html);
        Assert.Contains("Coevorden (GM0109)", html);
    }

    [Fact]
    public async Task The_werkbureau_list_of_all_signals_needs_an_account()
    {
        var anonymous = await Client.GetAsync("/beheer/signalen");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/inloggen?terug=%2Fbeheer%2Fsignalen", anonymous.Headers.Location?.OriginalString);

        var email = await NewUserAsync("lezer");
        await SignInAsync(email, GoodPassword);
        using var json = System.Text.Json.JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/signals"));
        var html = await Client.GetStringAsync("/beheer/signalen");

        Assert.Contains("Alle signalen", html);
        Assert.Contains($"{json.RootElement.GetProperty("signals").GetArrayLength()} signalen, ook van regels die de regio niet openbaar maakt", html);
        Assert.Contains("Openbaar: deze signalen staan ook op de openbare site.", html);
        Assert.Contains($"(ingelogd als {email})", html);
        Assert.DoesNotContain("href=\"/inloggen\"", html);
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_and_SameSite_strict()
    {
        var email = await NewUserAsync("lezer");

        var response = await SignInAsync(email, GoodPassword);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("resmonitor_sessie=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_HTTPS_the_session_and_form_cookies_are_Secure()
    {
        var email = await NewUserAsync("lezer");
        using var https = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var form = await https.GetAsync("/inloggen");
        var formCookie = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("resmonitor_formulier=", StringComparison.Ordinal));

        var response = await https.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = GoodPassword,
            ["__RequestVerificationToken"] = TokenIn(await form.Content.ReadAsStringAsync()),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("resmonitor_sessie=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", formCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_shows_one_plain_sentence_and_signs_nobody_in()
    {
        var email = await NewUserAsync("beheerder");

        var response = await SignInAsync(email, "niet-het-goede-wachtwoord");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("resmonitor_sessie=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/beheer")).StatusCode);
    }

    [Fact]
    public async Task After_three_wrong_passwords_this_client_waits_before_even_the_right_one_is_checked_and_then_gets_in()
    {
        var email = await NewUserAsync("beheerder");
        for (var i = 0; i < 3; i++)
        {
            var wrong = await SignInAsync(email, $"fout-wachtwoord-{i}-xyz");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var waiting = await SignInAsync(email, GoodPassword);

        Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
        var html = await waiting.Content.ReadAsStringAsync();
        Assert.Contains("er waren te veel mislukte pogingen voor dit e-mailadres vanaf uw adres. Wacht 5 seconden", html);
        Assert.DoesNotContain("geblokkeerd", html);
        // After the wait (on the test clock, never the real one) the right password gets in, and the account was never locked.
        Database.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, GoodPassword)).StatusCode);
        await using var db = Database.CreateContext();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task The_waits_grow_with_every_further_failure()
    {
        var email = NewEmail();
        var waits = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var html = await (await SignInAsync(email, $"fout-wachtwoord-{i}-xyz")).Content.ReadAsStringAsync();
            waits.Add(Regex.Match(html, "Wacht (\\d+) seconden").Groups[1].Value);
            Database.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["", "", "5", "10", "20"], waits);
    }

    [Fact]
    public async Task Someone_else_failing_for_an_account_does_not_keep_its_owner_out()
    {
        var email = await NewUserAsync("beheerder");
        using var attacker = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 20; i++)
        {
            var token = TokenIn(await attacker.GetStringAsync("/inloggen"));
            await attacker.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = $"raden-{i}-wachtwoord", ["__RequestVerificationToken"] = token,
            }));
        }

        var owner = await SignInAsync(email, GoodPassword);

        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_get_the_same_answers_wrong_and_waiting()
    {
        var known = await NewUserAsync("beheerder");
        var unknown = NewEmail();
        var answers = new Dictionary<string, List<string>> { [known] = [], [unknown] = [] };
        foreach (var email in new[] { known, unknown })
        {
            for (var i = 0; i < 4; i++)
            {
                var response = await SignInAsync(email, $"fout-wachtwoord-{i}-xyz");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers[email].Add(ProblemIn(await response.Content.ReadAsStringAsync()));
            }
        }

        Assert.Equal(answers[known], answers[unknown]);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", answers[unknown][0]);
        Assert.Contains("Wacht", answers[unknown][3]);
    }

    [Fact]
    public async Task More_than_ten_login_attempts_a_minute_from_one_address_get_429_with_a_Dutch_page()
    {
        var token = await FormTokenAsync();
        for (var i = 0; i < 10; i++)
        {
            var attempt = await PostLoginAsync(token, $"niemand-{i}@example.nl", "wat-dan-ook-123");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var response = await PostLoginAsync(token, "niemand@example.nl", "wat-dan-ook-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("60", response.Headers.RetryAfter?.ToString());
        Assert.Contains("Te veel pogingen", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/inloggen")).StatusCode);
    }

    [Fact]
    public async Task A_login_post_without_form_token_is_refused_with_400()
    {
        var email = await NewUserAsync("beheerder");
        await Client.GetAsync("/inloggen");

        var response = await Client.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = GoodPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Formulier niet aangenomen", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/beheer")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_is_a_post_with_token_and_ends_the_session()
    {
        var email = await NewUserAsync("lezer");
        await SignInAsync(email, GoodPassword);
        var beheer = await Client.GetStringAsync("/beheer");

        var refused = await Client.PostAsync("/uitloggen", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/beheer")).StatusCode);

        var response = await Client.PostAsync("/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenIn(beheer),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/beheer")).StatusCode);
    }

    [Fact]
    public async Task Beheer_sends_anonymous_visitors_to_the_login_form_and_back()
    {
        var response = await Client.GetAsync("/beheer");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/inloggen?terug=%2Fbeheer", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_login_form_goes_back_to_the_page_asked_for_but_never_off_site()
    {
        var email = await NewUserAsync("lezer");
        var token = await FormTokenAsync("/inloggen?terug=%2Fbeheer");

        var local = await PostLoginAsync(token, email, GoodPassword, "/beheer");
        Assert.Equal("/beheer", local.Headers.Location?.OriginalString);

        using var other = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var otherHtml = await other.GetStringAsync("/inloggen");
        var offSite = await other.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = GoodPassword,
            ["terug"] = "//evil.example/",
            ["__RequestVerificationToken"] = TokenIn(otherHtml),
        }));
        Assert.Equal("/beheer", offSite.Headers.Location?.OriginalString);
    }

    // ---------- the API and the public site ----------

    [Theory]
    [InlineData("POST", "/api/v1/regions/drenthe/summary")]
    [InlineData("PUT", "/api/v1/projects/VB-001")]
    [InlineData("DELETE", "/api/v1/projects/VB-001")]
    [InlineData("PATCH", "/api/v1/regions/drenthe")]
    public async Task An_anonymous_write_to_the_API_gets_401_problem_details(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"title\":\"Niet ingelogd\"", body);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/regions/drenthe/summary")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/kaart")]
    [InlineData("/gemeenten")]
    [InlineData("/gemeenten/assen")]
    [InlineData("/prognose")]
    [InlineData("/api/v1/regions/drenthe/summary")]
    public async Task Public_pages_set_no_cookie_for_anonymous_visitors(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets {string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
        Assert.False(response.Headers.CacheControl?.NoStore ?? false, $"{path} is marked no-store");
    }

    [Fact]
    public async Task The_public_pages_link_to_the_login_form_in_the_footer()
    {
        var html = await Client.GetStringAsync("/");

        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("<a class=\"utrecht-link\" href=\"/inloggen\">Inloggen</a>", footer);
    }

    [Theory]
    [InlineData("/inloggen")]
    [InlineData("/beheer")]
    public async Task The_account_pages_carry_the_strict_security_headers(string path)
    {
        var response = await Client.GetAsync(path);

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_site_and_the_command_line_build_the_same_account_tables()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var site = scope.ServiceProvider.GetRequiredService<ResMonitorDbContext>();
        await using var cli = Database.CreateContext();

        static List<string> Columns(ResMonitorDbContext db) => db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Columns(cli), Columns(site));
        Assert.Contains("users.organisation_id", Columns(site));
    }

    // ---------- helpers ----------

    private static string NewEmail() => $"test-{Guid.NewGuid():N}"[..17] + "@example.nl";

    private async Task<(int Code, string Output, string Error)> AddUserAsync(string password, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliApp(output, error, Database.Clock) { Input = new StringReader(password + "\n"), Variables = _ => null };
        var code = await cli.RunAsync(["--database", Database.Setting, .. args]);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<string> NewUserAsync(string role, string? organisation = null)
    {
        var email = NewEmail();
        string[] args = organisation is null
            ? ["user", "add", email, "--role", role, "--name", "Testpersoon"]
            : ["user", "add", email, "--role", role, "--organisation", organisation, "--name", "Testpersoon"];
        var (code, _, error) = await AddUserAsync(GoodPassword, args);
        Assert.True(code == 0, error);
        return email;
    }

    private async Task<string> FormTokenAsync(string path = "/inloggen") => TokenIn(await Client.GetStringAsync(path));

    private async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostLoginAsync(await FormTokenAsync(), email, password);

    private Task<HttpResponseMessage> PostLoginAsync(string token, string email, string password, string? back = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        };
        if (back is not null)
        {
            form["terug"] = back;
        }

        return Client.PostAsync("/inloggen", new FormUrlEncodedContent(form));
    }

    /// <summary>The form's message to the user, without the rest of the page.</summary>
    private static string ProblemIn(string html)
    {
        var form = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        return Regex.Replace(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"|value=\"[^\"]*@[^\"]*\"", "");
    }

    private static string TokenIn(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No form token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteAccountTests(SqliteDatabase database) : AccountTests<SqliteDatabase>(database);

public sealed class PostgresAccountTests(PostgresDatabase database) : AccountTests<PostgresDatabase>(database);
