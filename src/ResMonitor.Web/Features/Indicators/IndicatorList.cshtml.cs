using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

public sealed record IndicatorStatus(IndicatorGroup Group, bool HasData, string Status);

public sealed class IndicatorListModel(ResMonitorDbContext db, TimeProvider clock, Language language) : IndicatorPageModel(db, clock, language)
{
    public IReadOnlyList<IndicatorStatus> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var overview = await Data.OverviewAsync(ct);
        var participation = await Data.ParticipationAsync(ct);
        var permits = await Data.PermitsAsync(ct);
        var municipalities = (await Data.OrganisationsAsync(OrganisationKind.Municipality, ct)).Count;
        var grid = await Data.OrganisationsAsync(OrganisationKind.GridOperator, ct);
        var l = Lang;
        var total = overview.Total;
        var granted = permits.GrantedBeforeDeadline.Projects + permits.GrantedOnOrAfterDeadline.Projects;
        var inProcedure = permits.ByPhase.Single(x => x.Phase == Phase.InProcedure).Value.Projects;
        Items =
        [
            new(IndicatorGroups.Generation, true, l.T(
                $"Gerealiseerd {l.Twh(total.RealisedMwh)} per jaar, vergund of in procedure {l.Twh(total.PipelineMwh)}" + (overview.TotalTarget is { } t ? $", tegen een doel van {l.Twh(t.ValueMwh)} in {t.Year}." : "."),
                $"Realised {l.Twh(total.RealisedMwh)} a year, permitted or in procedure {l.Twh(total.PipelineMwh)}" + (overview.TotalTarget is { } te ? $", against a target of {l.Twh(te.ValueMwh)} in {te.Year}." : "."))),
            new(IndicatorGroups.Participation, participation.Known.Count > 0, l.T(
                $"{participation.AtOrAboveAim.Count} van de {participation.Known.Count} nieuwe projecten met bekend lokaal eigendom halen het streven van 50%; van {participation.WithoutData.Count} nieuwe projecten is het aandeel nog niet bekend.",
                $"{participation.AtOrAboveAim.Count} of the {participation.Known.Count} new projects with known local ownership meet the 50% aim; for {participation.WithoutData.Count} new projects the share is not known yet.")),
            new(IndicatorGroups.Permits, true, l.T(
                $"{granted} projecten hebben een verleende omgevingsvergunning, waarvan {permits.GrantedBeforeDeadline.Projects} vóór {l.Date(permits.Deadline)}; {inProcedure} projecten zijn in procedure (van {permits.AppliedNotGranted.Projects} is de vergunningaanvraag vastgelegd).",
                $"{granted} projects have a granted environmental permit, {permits.GrantedBeforeDeadline.Projects} of them before {l.Date(permits.Deadline)}; {inProcedure} projects are in procedure (for {permits.AppliedNotGranted.Projects} the permit application is recorded).")),
            new(IndicatorGroups.SpatialEmbedding, false, l.T(
                $"Aan te leveren door de {municipalities} gemeenten, de provincie en de waterschappen.",
                $"To be supplied by the {municipalities} municipalities, the province and the water boards.")),
            new(IndicatorGroups.Infrastructure, false, l.T(
                $"Aan te leveren door de netbeheerders ({string.Join(", ", grid.Select(g => g.Name))}).",
                $"To be supplied by the grid operators ({string.Join(", ", grid.Select(g => g.Name))}).")),
            new(IndicatorGroups.Heat, false, l.T(
                "Aan te leveren door de gemeenten en de provincie, uit de regionale Routekaart warmtebronnen.",
                "To be supplied by the municipalities and the province, from the regional heat-source roadmap.")),
        ];
    }
}
