using System.Globalization;
using System.Text;
using ResMonitor.Core.OpenData;

namespace ResMonitor.Core.National;

/// <summary>The national table as CSV: one row per region, the bid as its kind with figure or range (empty when unknown, never 0).</summary>
public static class NationalExport
{
    /// <summary>The file's name in the open-data package.</summary>
    public const string PackageFile = "landelijk-regios.csv";

    /// <summary>Every column with its type and meaning, for the datapackage.json and the documentation.</summary>
    public static readonly IReadOnlyList<OpenDataField> Fields =
    [
        new("res_code", "string", "CBS-code van de RES-regio (ES01 tot en met ES30); leeg voor een regio zonder landelijke gegevens"),
        new("regio_id", "string", "Het webadres van de regio in deze monitor (/regio_id)"),
        new("regio", "string", "Naam van de regio"),
        new("bod_soort", "string", "getal, bandbreedte of onbekend (een onbekend bod is leeg, nooit 0)"),
        new("bod_twh", "number", "Het RES 1.0-bod in TWh per jaar in 2030 zoals de bron het noemt; leeg als de bron geen enkel getal noemt"),
        new("bod_laag_twh", "number", "Laag eind van het bod (bij één getal dat getal); leeg als onbekend"),
        new("bod_hoog_twh", "number", "Hoog eind van het bod (bij één getal dat getal, of de ambitie erboven); leeg als onbekend"),
        new("bod_markering", "string", "[V] gelezen in de bron, [U] onzeker (zie de toelichting)"),
        new("bod_bron", "string", "Bron van het bod (webadres)"),
        new("bod_peildatum", "date", "Peildatum van het bod"),
        new("bod_toelichting", "string", "Toelichting bij het bod, zoals de bron het geeft"),
        new("gerealiseerd_mwh", "number", "Gerealiseerde opbrengst per jaar in MWh volgens het register van de regio"),
        new("pijplijn_mwh", "number", "Opbrengst per jaar van vergunde projecten en projecten in procedure, na planuitval, in MWh"),
        new("nog_in_te_vullen_laag_mwh", "number", "Wat van het bod nog zonder concreet project is (laag eind); leeg als het bod onbekend is"),
        new("nog_in_te_vullen_hoog_mwh", "number", "Idem, hoog eind"),
        new("aandeel_bod_gerealiseerd_laag", "number", "Gerealiseerd gedeeld door het bod (0 tot 1); bij een bandbreedte gedeeld door het hoge eind"),
        new("aandeel_bod_gerealiseerd_hoog", "number", "Idem; bij een bandbreedte gedeeld door het lage eind"),
        new("projecten", "integer", "Aantal projecten in het register van de regio (echte; alleen voorbeelden als er niets anders is)"),
        new("gemeenten", "integer", "Aantal gemeenten van de regio"),
        new("gemeenten_met_projecten", "integer", "Registerdekking: gemeenten met minstens één project in het register"),
        new("lokaal_eigendom_nieuw_pct", "number", "Lokaal eigendom van nieuwe projecten, gewogen naar vermogen, van de projecten waarvan het bekend is; leeg als onbekend"),
        new("vergund_voor_2025_projecten", "integer", "Projecten waarvan de eerste vergunning vóór 1 januari 2025 is verleend"),
        new("vergund_voor_2025_mw", "number", "Hun vermogen in MW"),
        new("planuitval_mwh", "number", "Opbrengst per jaar die door planuitval wegvalt, in MWh"),
        new("peildatum", "date", "Peildatum van de cijfers uit de registers"),
        new("adres", "string", "Het adres van de pagina's van de regio in deze monitor"),
    ];

    public static readonly IReadOnlyList<string> Columns = [.. Fields.Select(f => f.Name)];

    /// <summary>"getal", "bandbreedte" or "onbekend".</summary>
    public static string KindText(BidKind kind) => kind switch
    {
        BidKind.Figure => "getal",
        BidKind.Range => "bandbreedte",
        _ => "onbekend",
    };

    public static string Csv(NationalOverview overview, CsvDialect dialect)
    {
        string N(decimal? value, string format = "0.###") => value is { } v ? dialect.Number(v.ToString(format, CultureInfo.InvariantCulture)) : "";
        string Twh(decimal? mwh) => N(mwh / 1_000_000m, "0.###");
        var text = new StringBuilder();
        text.Append(dialect.Line(Columns)).Append("\r\n");
        foreach (var r in overview.Regions)
        {
            text.Append(dialect.Line(
            [
                r.Code ?? "", r.RegionId, r.Name, KindText(r.Bid.Kind), Twh(r.Bid.BidMwh), Twh(r.Bid.Kind == BidKind.Range ? r.Bid.LowMwh : r.Bid.BandLowMwh),
                Twh(r.Bid.Kind == BidKind.Range ? r.Bid.HighMwh : r.Bid.BandHighMwh), r.Bid.Mark ?? "", r.Bid.Source ?? "",
                r.Bid.ReferenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Bid.Note ?? "",
                N(r.RealisedMwh, "0.#"), N(r.PipelineMwh, "0.#"), N(r.RemainingLowMwh, "0.#"), N(r.RemainingHighMwh, "0.#"),
                N(r.RealisedShareLow, "0.####"), N(r.RealisedShareHigh, "0.####"),
                r.Projects.ToString(CultureInfo.InvariantCulture), r.Municipalities.ToString(CultureInfo.InvariantCulture),
                r.MunicipalitiesWithProjects.ToString(CultureInfo.InvariantCulture), N(r.LocalOwnershipPercent, "0.#"),
                r.PermitsBefore2025.Projects.ToString(CultureInfo.InvariantCulture), N(r.PermitsBefore2025.CapacityMw, "0.###"),
                N(r.FailedMwh, "0.#"), overview.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "/" + r.RegionId,
            ])).Append("\r\n");
        }

        return text.ToString();
    }
}
