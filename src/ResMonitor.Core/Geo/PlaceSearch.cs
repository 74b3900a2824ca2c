namespace ResMonitor.Core.Geo;

/// <summary>A municipality as the search knows it: its CBS code and name.</summary>
public sealed record MunicipalityName(string Code, string Name);

/// <summary>
/// What a search found: a municipality, a place, or neither with the closest names as suggestions. Exactly one of
/// <see cref="Municipality"/> and <see cref="Place"/> is set when <see cref="Found"/>.
/// </summary>
public sealed record PlaceSearchResult(MunicipalityName? Municipality, Place? Place, IReadOnlyList<string> Suggestions)
{
    public bool Found => Municipality is not null || Place is not null;
}

/// <summary>
/// Finds a place or municipality by name, ignoring case, accents, hyphens and extra spaces ("nieuw buinen" finds
/// Nieuw-Buinen, "exloermond" nothing but the suggestion Tweede Exloërmond). A municipality's name wins over a place of
/// the same name (Emmen, Assen), because the reader asked for the larger area; the page offers the place next to it.
/// Without a match it suggests the closest names: names that start with or contain what was typed first, then by
/// edit distance (Levenshtein, from Quickenshtein).
/// </summary>
public static class PlaceSearch
{
    public const int MaxLength = 100;

    public const int SuggestionCount = 5;

    public static PlaceSearchResult Find(string query, IReadOnlyList<Place> places, IReadOnlyList<MunicipalityName> municipalities)
    {
        var key = Normalise(query);
        if (key.Length == 0)
        {
            return new PlaceSearchResult(null, null, []);
        }

        if (municipalities.FirstOrDefault(m => Normalise(m.Name) == key) is { } municipality)
        {
            return new PlaceSearchResult(municipality, null, []);
        }

        // Two places of one name: the larger one is meant more often.
        if (places.Where(p => Normalise(p.Name) == key).OrderByDescending(p => p.Population).FirstOrDefault() is { } place)
        {
            return new PlaceSearchResult(null, place, []);
        }

        return new PlaceSearchResult(null, null, Suggest(key, places.Select(p => p.Name).Concat(municipalities.Select(m => m.Name))));
    }

    /// <summary>The place of a name exactly as spelled in the list (the page's link from a municipality to its namesake place).</summary>
    public static Place? PlaceNamed(string name, IReadOnlyList<Place> places) =>
        places.Where(p => Normalise(p.Name) == Normalise(name)).OrderByDescending(p => p.Population).FirstOrDefault();

    private static List<string> Suggest(string key, IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Key: Normalise(name)))
            .Select(n => (n.Name, Rank: n.Key.StartsWith(key, StringComparison.Ordinal) ? 0 : n.Key.Contains(key, StringComparison.Ordinal) ? 1 : 2,
                Distance: Quickenshtein.Levenshtein.GetDistance(key, n.Key)))
            .OrderBy(n => n.Rank)
            .ThenBy(n => n.Distance)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .Take(SuggestionCount)
            .Select(n => n.Name)
            .ToList();

    /// <summary>Lower case without accents or apostrophes, every other run of punctuation and spaces one space: the slug with spaces ("'s-Gravenhage" → "s gravenhage").</summary>
    public static string Normalise(string text) => Slug.From(text.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal)).Replace('-', ' ');
}
