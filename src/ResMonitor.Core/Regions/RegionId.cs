using System.Text.RegularExpressions;

namespace ResMonitor.Core.Regions;

/// <summary>
/// A region's id is the first segment of its addresses (<c>/{regio}/...</c>, see docs/decisions/0014): lower-case
/// letters, digits and hyphens, and never the first segment of one of the site's own addresses, which would win.
/// </summary>
public static partial class RegionId
{
    /// <summary>The first segments the site uses itself (a web test keeps this list complete).</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "beheer", "css", "favicon.svg", "fout", "gemeenten", "grafieken", "health", "indicatoren", "inloggen", "kaart",
        "landelijk", "lib", "netcongestie", "open-data", "openapi", "opschaling", "prognose", "projecten", "regios", "signalen", "taal",
        "tijdlijn", "tijdlijn.ics", "uitloggen",
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex Pattern();

    /// <summary>Why <paramref name="id"/> cannot be a region's id, in Dutch; null when it can.</summary>
    public static string? Problem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "het veld 'id' ontbreekt: geef de regio een korte naam voor in het webadres, bijvoorbeeld 'drenthe'."
        : !Pattern().IsMatch(id) ? $"het veld 'id' ('{id}') mag alleen kleine letters, cijfers en streepjes bevatten (hoogstens 64 tekens), zonder streepje aan begin of eind, want het wordt het begin van elk webadres van de regio."
        : Reserved.Contains(id) ? $"het veld 'id' ('{id}') is al een webadres van de site zelf (/{id}); kies een andere naam, bijvoorbeeld 'regio-{id}'."
        : null;
}
