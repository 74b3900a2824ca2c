using System.Globalization;
using System.Text;
using ResMonitor.Core.OpenData;

namespace ResMonitor.Core.National;

/// <summary>The national table as CSV: one row per region, the bid as its kind with figure or range (empty when unknown, never 0).</summary>
public static class NationalExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "res_code", "regio_id", "regio", "bod_soort", "bod_twh", "bod_laag_twh", "bod_hoog_twh", "bod_markering", "bod_bron", "bod_peildatum", "bod_toelichting",
        "gerealiseerd_mwh", "pijplijn_mwh", "nog_in_te_vullen_laag_mwh", "nog_in_te_vullen_hoog_mwh", "aandeel_bod_gerealiseerd_laag", "aandeel_bod_gerealiseerd_hoog",
        "projecten", "gemeenten", "gemeenten_met_projecten", "lokaal_eigendom_nieuw_pct", "vergund_voor_2025_projecten", "vergund_voor_2025_mw",
        "planuitval_mwh", "peildatum", "adres",
    ];

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
