using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Accounts;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Accounts;

/// <summary>
/// The sign-in form: e-mail and password, no JavaScript. Wrong details get one plain sentence, and too many of them
/// from one client for one address a wait (<see cref="LoginThrottle"/>); both read the same for a known and an
/// unknown address, so the form never says whether an e-mail address is known.
/// </summary>
public sealed class SignInModel(SignInManager<User> signIn, IPasswordHasher<User> hasher, LoginThrottle throttle, Language language) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "terug")]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Problem = language.T("Vul uw e-mailadres en wachtwoord in.", "Enter your e-mail address and password.");
            return Page();
        }

        var email = Email.Trim();
        var client = ProxyHeaders.ClientKey(HttpContext);
        var wait = throttle.WaitFor(email, client);
        if (wait == TimeSpan.Zero)
        {
            if (await CheckAsync(email, Password))
            {
                throttle.Succeeded(email, client);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/beheer");
            }

            wait = throttle.Failed(email, client);
        }

        Problem = wait == TimeSpan.Zero
            ? language.T("Het e-mailadres of het wachtwoord klopt niet.", "The e-mail address or the password is not correct.")
            : language.T(
                $"Het e-mailadres of het wachtwoord klopt niet, en er waren te veel mislukte pogingen voor dit e-mailadres vanaf uw adres. Wacht {Seconds(wait)} seconden voor u het opnieuw probeert.",
                $"The e-mail address or the password is not correct, and there were too many failed attempts for this e-mail address from your address. Wait {Seconds(wait)} seconds before you try again.");
        Password = null;
        return Page();
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>
    /// The password check; for an unknown address a hash is checked all the same, so that the answer takes as long
    /// as for a known one. An account locked by hand or not allowed to sign in reads as a wrong password.
    /// </summary>
    private async Task<bool> CheckAsync(string email, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password);
            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        return result.Succeeded;
    }

    private static readonly User Nobody = new() { DisplayName = "", UserName = "niemand" };

    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<User>().HashPassword(Nobody, Guid.NewGuid().ToString("N")));
}
