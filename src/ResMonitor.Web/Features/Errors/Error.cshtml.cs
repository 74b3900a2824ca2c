using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Errors;

/// <summary>The one error page, in Dutch (or English), with a way back. Status codes arrive through re-execution.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel(Language language) : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    /// <summary>Set when the address named a region that is not in the register: the page lists the regions that are.</summary>
    public Regions.UnknownRegionFilter.Unknown? UnknownRegion { get; private set; }

    public void OnGet(int? code) => Describe(code ?? 500);

    public void OnPost(int? code) => Describe(code ?? 500);

    private void Describe(int code)
    {
        Code = code;
        Response.StatusCode = code;
        if (code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var reason = BadQuery.Find(HttpContext);
        UnknownRegion = code == 404 ? Regions.UnknownRegionFilter.Find(HttpContext) : null;
        if (UnknownRegion is { } unknown)
        {
            Title = language.T("Pagina niet gevonden", "Page not found");
            Explanation = language.T(
                $"De regio '{unknown.Asked}' staat niet in het register, en er is ook geen pagina met dit adres. Kies een van de regio's hieronder, of ga terug naar het overzicht.",
                $"The region '{unknown.Asked}' is not in the register, and there is no page at this address either. Choose one of the regions below, or go back to the overview.");
            return;
        }

        (Title, Explanation) = code switch
        {
            404 => (language.T("Pagina niet gevonden", "Page not found"),
                reason is null
                    ? language.T("Deze pagina bestaat niet (meer). Controleer het adres, of ga terug naar het overzicht.", "This page does not exist (any more). Check the address, or go back to the overview.")
                    : language.T(reason.Dutch, reason.English)),
            400 when reason is null && HttpMethods.IsPost(Request.Method) => (language.T("Formulier niet aangenomen", "Form not accepted"),
                language.T("Het formulier was verlopen of niet volledig verstuurd. Laad de pagina opnieuw en probeer het nog eens.", "The form had expired or was not sent completely. Reload the page and try again.")),
            400 => (language.T("Ongeldig verzoek", "Invalid request"),
                reason is null
                    ? language.T("Het adres bevat iets wat de monitor niet begrijpt.", "The address holds something the monitor does not understand.")
                    : language.T(reason.Dutch, reason.English)),
            403 => (language.T("Geen toegang", "No access"),
                language.T("Uw account mag deze pagina niet zien. Vraag het werkbureau als u denkt dat dit niet klopt.", "Your account may not see this page. Ask the programme office if you think this is wrong.")),
            503 => (language.T("Even niet bereikbaar", "Temporarily unavailable"),
                language.T("De monitor kan de database nu niet bereiken. Probeer het over een paar seconden opnieuw; de openbare pagina's met de cijfers blijven bereikbaar.",
                    "The monitor cannot reach its database just now. Try again in a few seconds; the public pages with the figures remain available.")),
            429 => (language.T("Te veel pogingen", "Too many attempts"),
                language.T("Er zijn vanaf uw adres te veel inlogpogingen gedaan. Wacht een minuut en probeer het dan opnieuw.", "Too many sign-in attempts came from your address. Wait a minute and try again.")),
            _ => (language.T("Er ging iets mis", "Something went wrong"),
                language.T("De monitor kon deze pagina nu niet tonen. Probeer het later opnieuw.", "The monitor could not show this page. Please try again later.")),
        };
    }
}
