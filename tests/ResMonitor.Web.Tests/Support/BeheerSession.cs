using System.Net;
using System.Text.RegularExpressions;
using ResMonitor.Cli;

namespace ResMonitor.Web.Tests;

/// <summary>Test accounts: creating a user of a role, signing in, and posting forms with their form token.</summary>
public static partial class BeheerSession
{
    private const string Password = "beheer-formulier-2030";

    /// <summary>
    /// Creates a user with `resmonitor user add` (the test password) and returns the e-mail address: in the region
    /// given (by default the command's default region, drenthe) or, with <paramref name="national"/>, for all regions.
    /// </summary>
    public static async Task<string> AddUserAsync(
        TestDatabase database, string role, string? organisation = null, string? email = null, string name = "Testpersoon", string? region = null, bool national = false)
    {
        email ??= $"beh-{Guid.NewGuid():N}"[..16] + "@example.nl";
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliApp(output, error, database.Clock) { Input = new StringReader(Password + "\n"), Variables = _ => null };
        List<string> args = ["--database", database.Setting, "user", "add", email, "--role", role, "--name", name];
        if (organisation is not null)
        {
            args.AddRange(["--organisation", organisation]);
        }

        if (region is not null)
        {
            args.AddRange(["--region", region]);
        }

        if (national)
        {
            args.Add("--national");
        }

        Assert.True(await cli.RunAsync([.. args]) == 0, error.ToString());
        return email;
    }

    /// <summary>Signs the client in as a user made by <see cref="AddUserAsync"/>.</summary>
    public static async Task SignInAsync(HttpClient client, string email)
    {
        var token = TokenIn(await client.GetStringAsync("/inloggen"));
        using var response = await client.PostAsync("/inloggen", Form(token, new() { ["Email"] = email, ["Password"] = Password }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Creates a user of the role and signs the client in; returns the e-mail address.</summary>
    public static async Task<string> SignInAsync(HttpClient client, TestDatabase database, string role, string? organisation = null, string name = "Testpersoon")
    {
        var email = await AddUserAsync(database, role, organisation, name: name);
        await SignInAsync(client, email);
        return email;
    }

    public static FormUrlEncodedContent Form(string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    public static string TokenIn(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No form token on the page.");

    /// <summary>The input with this id: its whole tag, to check aria-invalid and aria-describedby.</summary>
    public static string InputTag(string html, string id) =>
        Regex.Match(html, $"<(input|textarea|select)[^>]* id=\"{Regex.Escape(id)}\"[^>]*>") is { Success: true } match ? match.Value : throw new InvalidOperationException($"No input #{id} on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
