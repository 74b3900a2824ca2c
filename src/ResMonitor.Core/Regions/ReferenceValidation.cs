using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Regions;

/// <summary>
/// The rules for the reference data an editor can change through the site: organisations, targets, full-load hours
/// and search areas. Messages in Dutch, per field; the field names are those of the forms.
/// </summary>
public static class ReferenceValidation
{
    /// <summary>More hours than a year has cannot be full-load hours.</summary>
    public const decimal MaxFullLoadHours = 8_760m;

    public static List<RuleViolation> Organisation(
        string? name, string? website, int? population, DateOnly? populationDate, string? populationSource, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        Name(name, errors);
        Characters(website, "website", "Het webadres", errors);
        Characters(populationSource, "populationSource", "De bron van het aantal inwoners", errors);
        if (!string.IsNullOrWhiteSpace(website)
            && (!Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host)))
        {
            errors.Add(new("website", $"'{website.Trim()}' is geen webadres: begin met https://, bijvoorbeeld https://www.emmen.nl."));
        }

        if (population is < 0)
        {
            errors.Add(new("population", "Het aantal inwoners kan niet negatief zijn."));
        }

        if (population is not null)
        {
            if (populationDate is null)
            {
                errors.Add(new("populationReferenceDate", "Bij een aantal inwoners hoort de peildatum."));
            }

            if (string.IsNullOrWhiteSpace(populationSource))
            {
                errors.Add(new("populationSource", "Bij een aantal inwoners hoort de bron, bijvoorbeeld CBS StatLine."));
            }
        }

        NotInFuture(populationDate, "populationReferenceDate", today, errors);
        return errors;
    }

    public static List<RuleViolation> Target(decimal? valueMwh, string? source, DateOnly? referenceDate, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (valueMwh is null)
        {
            errors.Add(new("valueMwh", "Geef de waarde van het doel in MWh per jaar."));
        }
        else if (valueMwh <= 0m)
        {
            errors.Add(new("valueMwh", "Het doel moet groter dan 0 MWh per jaar zijn."));
        }

        Source(source, errors);
        Required(referenceDate, "referenceDate", errors);
        NotInFuture(referenceDate, "referenceDate", today, errors);
        return errors;
    }

    /// <summary>
    /// A municipality's agreed contribution for one technique: a municipality of the region, a technique (the
    /// technology-neutral part too), a year from 2020 to 2100, a value above 0, a source and a reference date; one per
    /// municipality, technique and year.
    /// </summary>
    public static List<RuleViolation> MunicipalTarget(
        bool hasMunicipality, bool municipalityKnown, Technique? technique, long? year, decimal? valueMwh, string? source, DateOnly? referenceDate,
        DateOnly today, string? duplicateOf = null)
    {
        var errors = new List<RuleViolation>();
        if (!hasMunicipality)
        {
            errors.Add(new("municipality", "Kies de gemeente."));
        }
        else if (!municipalityKnown)
        {
            errors.Add(new("municipality", "Onbekende gemeente: deze gemeente hoort niet bij de regio. Kies een gemeente uit de lijst."));
        }

        if (technique is null)
        {
            errors.Add(new("technique", "Kies de techniek: wind, zon op land, zon op dak of techniekneutraal."));
        }

        if (year is null)
        {
            errors.Add(new("year", "Geef het jaar van het doel, bijvoorbeeld 2030."));
        }
        else if (year is < 2020 or > 2100)
        {
            errors.Add(new("year", $"Het jaar {year} ligt niet tussen 2020 en 2100."));
        }

        if (duplicateOf is not null)
        {
            errors.Add(new("technique", duplicateOf));
        }

        errors.AddRange(Target(valueMwh, source, referenceDate, today));
        return errors;
    }

    public static List<RuleViolation> FullLoadHours(
        Technique? technique, bool hasMunicipality, bool municipalityKnown, decimal? hours, DateOnly? validFrom, DateOnly? validUntil, string? source)
    {
        var errors = new List<RuleViolation>();
        if (technique is null or Technique.TechnologyNeutral)
        {
            errors.Add(new("technique", "Kies de techniek: wind, zon op land of zon op dak."));
        }

        if (hasMunicipality && !municipalityKnown)
        {
            errors.Add(new("municipality", "Onbekende gemeente: deze gemeente hoort niet bij de regio."));
        }
        else if (hasMunicipality && technique is not Technique.Wind)
        {
            errors.Add(new("municipality", "Vollasturen per gemeente zijn er alleen voor wind; laat de gemeente leeg voor zon."));
        }

        if (hours is null)
        {
            errors.Add(new("hours", "Geef het aantal vollasturen per jaar."));
        }
        else if (hours is <= 0m or > MaxFullLoadHours)
        {
            errors.Add(new("hours", $"Vollasturen liggen tussen 0 en {DutchFormat.Number(MaxFullLoadHours, 0)} (de uren van een jaar), niet {DutchFormat.Number(hours.Value, 0)}."));
        }

        Required(validFrom, "validFrom", errors, "Geef de datum vanaf wanneer deze versie geldt.");
        if (validFrom is { } from && validUntil is { } until && until < from)
        {
            errors.Add(new("validUntil", $"'Geldig tot' ({DutchFormat.Date(until)}) ligt vóór 'geldig vanaf' ({DutchFormat.Date(from)})."));
        }

        Source(source, errors);
        return errors;
    }

    public static List<RuleViolation> SearchArea(string? name, Technique? technique, bool hasMunicipality, bool municipalityKnown, string? source, DateOnly? sourceDate, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        Name(name, errors);
        if (technique is null)
        {
            errors.Add(new("technique", "Kies de techniek."));
        }

        if (hasMunicipality && !municipalityKnown)
        {
            errors.Add(new("municipality", "Onbekende gemeente: deze gemeente hoort niet bij de regio."));
        }

        Source(source, errors);
        Required(sourceDate, "sourceDate", errors);
        NotInFuture(sourceDate, "sourceDate", today, errors);
        return errors;
    }

    private static void Name(string? name, List<RuleViolation> errors)
    {
        Characters(name, "name", "De naam", errors);
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", "Geef de naam."));
        }
        else if (name.Trim().Length > ProjectValidation.MaxNameLength)
        {
            errors.Add(new("name", $"De naam is langer dan {ProjectValidation.MaxNameLength} tekens."));
        }
    }

    private static void Source(string? source, List<RuleViolation> errors)
    {
        Characters(source, "source", "De bron", errors);
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add(new("source", "Geef de bron."));
        }
    }

    private static void Characters(string? text, string field, string what, List<RuleViolation> errors)
    {
        if (TextRule.Check(text, what) is { } problem)
        {
            errors.Add(new(field, problem));
        }
    }

    private static void Required(DateOnly? date, string field, List<RuleViolation> errors, string? message = null)
    {
        if (date is null)
        {
            errors.Add(new(field, message ?? "Geef de peildatum."));
        }
    }

    private static void NotInFuture(DateOnly? date, string field, DateOnly today, List<RuleViolation> errors)
    {
        if (date is { } d && d > today)
        {
            errors.Add(new(field, $"De datum {DutchFormat.Date(d)} ligt in de toekomst."));
        }
    }
}
