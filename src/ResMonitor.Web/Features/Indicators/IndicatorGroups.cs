using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

/// <summary>One of the six things the monitor reports on, in the words of the Notitie RES 2.0 regio Drenthe, §E.</summary>
public sealed record IndicatorGroup(char Letter, string Slug, string Dutch, string English)
{
    public string Href => "/indicatoren/" + Slug;

    public string Title(Language l) => l.T(Dutch, English);
}

public static class IndicatorGroups
{
    /// <summary>Where the list comes from, for the pages that cite it.</summary>
    public const string SeedSource = "Notitie RES 2.0 regio Drenthe, §E Monitoring";

    public static readonly IndicatorGroup Generation = new('a', "opwek",
        "De opwek door windenergie en grootschalige zonne-energie",
        "Generation by wind energy and large-scale solar energy");

    public static readonly IndicatorGroup Participation = new('b', "participatie",
        "De procesparticipatie, financiële participatie en lokaal eigendom",
        "Process participation, financial participation and local ownership");

    public static readonly IndicatorGroup Permits = new('c', "vergunningen",
        "De procesvoortgang in ruimtelijke planvorming (ook op omgevingsvergunningen)",
        "Progress in spatial planning (including environmental permits)");

    public static readonly IndicatorGroup SpatialEmbedding = new('d', "ruimtelijke-inbedding",
        "Borging van ruimtelijke afspraken in Omgevingsvisie en -plannen richting 2025",
        "Embedding of the spatial agreements in the omgevingsvisie and omgevingsplannen towards 2025");

    public static readonly IndicatorGroup Infrastructure = new('e', "energie-infrastructuur",
        "Realisatie van energie-infrastructuur richting 2030",
        "Realisation of energy infrastructure towards 2030");

    public static readonly IndicatorGroup Heat = new('f', "warmte",
        "Beschikbaarheid en inzet van regionale warmtebronnen",
        "Availability and use of regional heat sources");

    public static readonly IReadOnlyList<IndicatorGroup> All =
        [Generation, Participation, Permits, SpatialEmbedding, Infrastructure, Heat];
}

/// <summary>The top of an indicator page: breadcrumb, heading, the §E wording and the example-data warning.</summary>
public sealed record IndicatorHeader(IndicatorGroup Group);

/// <summary>
/// An honest empty state: the register holds no data for this yet. Says who supplies it and what will be shown.
/// </summary>
public sealed record NoDataBlock(
    string Id,
    string Heading,
    string Supplies,
    IReadOnlyList<Core.Regions.Organisation> Suppliers,
    IReadOnlyList<string> WillShow);
