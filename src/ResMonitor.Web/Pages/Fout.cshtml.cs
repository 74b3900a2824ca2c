using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResMonitor.Web.Pages;

/// <summary>The one error page, in Dutch, with a way back. Status codes arrive through re-execution.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class FoutModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code ?? 500);

    public void OnPost(int? code) => Describe(code ?? 500);

    private void Describe(int code)
    {
        Response.StatusCode = code;
        (Title, Explanation) = code switch
        {
            404 => ("Pagina niet gevonden", "Deze pagina bestaat niet (meer). Controleer het adres, of ga terug naar het overzicht."),
            400 => ("Ongeldig verzoek", "Het adres bevat iets wat de monitor niet begrijpt."),
            _ => ("Er ging iets mis", "De monitor kon deze pagina nu niet tonen. Probeer het later opnieuw."),
        };
    }
}
