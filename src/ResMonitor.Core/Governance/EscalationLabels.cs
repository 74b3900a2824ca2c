namespace ResMonitor.Core.Governance;

/// <summary>Dutch and English words for the escalation procedure, with the keys used in forms and on the command line.</summary>
public static class EscalationLabels
{
    public static readonly IReadOnlyDictionary<ImpasseTopic, (string Nl, string En)> Topics = new Dictionary<ImpasseTopic, (string, string)>
    {
        [ImpasseTopic.PlanFailure] = ("planuitval", "plan failure"),
        [ImpasseTopic.FutureRes] = ("besluitvorming over (onderdelen van) toekomstige RES’en", "decisions on (parts of) future RESs"),
        [ImpasseTopic.SolarWindBalance] = ("verbeteren van de balans zon/wind", "improving the solar/wind balance"),
        [ImpasseTopic.BuildingBlock4] = ("het vullen van bouwblok 4", "filling building block 4"),
        [ImpasseTopic.NewAmbitions] = ("het opstellen van nieuwe ambities", "setting new ambitions"),
        [ImpasseTopic.Biomass] = ("biomassa in de verduurzaming van de gebouwde omgeving", "biomass in making buildings sustainable"),
        [ImpasseTopic.GridCongestion] = ("verdeling van beschikbare netcapaciteit (netcongestie)", "sharing available grid capacity (congestion)"),
        [ImpasseTopic.Other] = ("ander onderwerp", "other topic"),
    };

    public static readonly IReadOnlyDictionary<EscalationTrigger, (string Nl, string En)> Triggers = new Dictionary<EscalationTrigger, (string, string)>
    {
        [EscalationTrigger.NoConsensus] = ("geen consensus aan de tafel", "no consensus at the table"),
        [EscalationTrigger.DeadlinePassed] = ("tijd: geen oplossing binnen de deadline", "time: no solution within the deadline"),
        [EscalationTrigger.InsufficientSupport] = ("onvoldoende politiek-bestuurlijk draagvlak", "insufficient political support"),
        [EscalationTrigger.NoAdequateSolution] = ("geen toereikende oplossing", "no adequate solution"),
        [EscalationTrigger.AgreementsNotKept] = ("afspraken worden (deels) niet nagekomen", "agreements (partly) not kept"),
    };

    public static readonly IReadOnlyDictionary<int, (string Nl, string En)> Steps = new Dictionary<int, (string, string)>
    {
        [1] = ("provincie neemt het voortouw", "the province takes the lead"),
        [2] = ("onafhankelijk onderzoek of expert judgement", "independent research or expert judgement"),
        [3] = ("mediation door een onafhankelijke partij", "mediation by an independent party"),
        [4] = ("terugvallen op het bestaande bevoegd gezag", "falling back on the existing competent authority"),
    };

    public static readonly IReadOnlyDictionary<ImpasseClosure, (string Nl, string En)> Closures = new Dictionary<ImpasseClosure, (string, string)>
    {
        [ImpasseClosure.Resolved] = ("opgelost", "resolved"),
        [ImpasseClosure.FellBackOnCompetentAuthority] = ("teruggevallen op het bevoegd gezag", "fell back on the competent authority"),
    };
}
