using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Accounts;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Accounts;

/// <summary>
/// The sign-in form: e-mail and password, no JavaScript. Wrong details and a locked account get one plain sentence;
/// the form never says whether an e-mail address is known.
/// </summary>
public sealed class SignInModel(SignInManager<User> signIn, Language language) : PageModel
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

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/beheer");
        }

        Problem = result.IsLockedOut
            ? language.T(
                $"Dit account is tijdelijk geblokkeerd na {AccountRules.MaxFailedAttempts} mislukte pogingen. Probeer het over {AccountRules.LockoutDuration.TotalMinutes:0} minuten opnieuw.",
                $"This account is temporarily locked after {AccountRules.MaxFailedAttempts} failed attempts. Try again in {AccountRules.LockoutDuration.TotalMinutes:0} minutes.")
            : language.T("Het e-mailadres of het wachtwoord klopt niet.", "The e-mail address or the password is not correct.");
        Password = null;
        return Page();
    }
}
