namespace ResMonitor.Core.Import;

/// <summary>
/// Finds a municipality of the region from what a file says: its CBS code (GM0106, gm106) or its name, compared
/// without case, accents, hyphens or spaces and with or without "gemeente" in front ("Borger-Odoorn", "borger odoorn",
/// "Gemeente Aa en Hunze"). The one place that resolves a municipality for an import: a name outside the region, or
/// one that fits several, is refused with the region's valid names.
/// </summary>
public sealed class MunicipalityNames
{
    public sealed record Municipality(int Id, string Code, string Name);

    /// <summary>The outcome: the municipality, or the Dutch reason why none.</summary>
    public readonly record struct Resolution(Municipality? Found, string? Problem);

    private readonly Dictionary<string, List<Municipality>> _byKey = new(StringComparer.Ordinal);
    private readonly List<Municipality> _all;

    public MunicipalityNames(IEnumerable<Municipality> municipalities)
    {
        _all = municipalities.OrderBy(m => m.Name, StringComparer.Create(DutchFormat.Culture, ignoreCase: true)).ToList();
        foreach (var m in _all)
        {
            Add(ImportColumns.Key(m.Code), m);
            Add(CodeKey(m.Code), m);
            Add(ImportColumns.Key(m.Name), m);
        }
    }

    public IReadOnlyList<Municipality> All => _all;

    public string? CodeOf(int id) => _all.FirstOrDefault(m => m.Id == id)?.Code;

    /// <summary>The region's names for a message: "Aa en Hunze, Assen, …".</summary>
    public string ValidNames => string.Join(", ", _all.Select(m => m.Name));

    public Resolution Resolve(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return new(null, $"De gemeente is leeg: geef de naam of de CBS-code, bijvoorbeeld {Example}.");
        }

        var key = ImportColumns.Key(trimmed);
        if (key.StartsWith("gemeente", StringComparison.Ordinal) && key.Length > "gemeente".Length)
        {
            key = key["gemeente".Length..];
        }

        var found = Find(key) ?? Find(CodeKey(key));
        if (found is { Count: 1 })
        {
            return new(found[0], null);
        }

        if (found is { Count: > 1 })
        {
            return new(null, $"'{trimmed}' kan meer dan één gemeente zijn ({string.Join(", ", found.Select(m => m.Name))}). Gemeenten in deze regio: {ValidNames}.");
        }

        // A part of a name that fits several municipalities ("veld": Noordenveld and Westerveld) is named as such.
        var partial = key.Length >= 3 ? _all.Where(m => ImportColumns.Key(m.Name).Contains(key, StringComparison.Ordinal)).ToList() : [];
        if (partial.Count > 1)
        {
            return new(null, $"'{trimmed}' past bij meer dan één gemeente ({string.Join(", ", partial.Select(m => m.Name))}); schrijf de naam voluit. Gemeenten in deze regio: {ValidNames}.");
        }

        var hint = partial.Count == 1 ? $" Bedoelt u {partial[0].Name}?" : "";
        return new(null, $"De gemeente '{trimmed}' ligt niet in deze regio.{hint} Gemeenten in deze regio: {ValidNames} (of hun CBS-code, zoals {Example}).");
    }

    private string Example => _all.Count > 0 ? _all[0].Code : "GM0106";

    private List<Municipality>? Find(string key) => _byKey.TryGetValue(key, out var list) ? list : null;

    private void Add(string key, Municipality m)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!_byKey.TryGetValue(key, out var list))
        {
            _byKey[key] = list = [];
        }

        if (!list.Contains(m))
        {
            list.Add(m);
        }
    }

    /// <summary>A CBS code without leading zeros in its number: GM0106 and gm106 are the same code.</summary>
    private static string CodeKey(string code)
    {
        var key = ImportColumns.Key(code);
        if (key.Length > 2 && key.StartsWith("gm", StringComparison.Ordinal) && key[2..].All(char.IsAsciiDigit))
        {
            return "gm" + key[2..].TrimStart('0');
        }

        return key;
    }
}
