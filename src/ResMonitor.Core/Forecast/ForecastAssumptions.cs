using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Forecast;

/// <summary>
/// For a project in one phase: the chance that it is ever realised, and how many months after entering that phase it
/// is realised if it is (a triangular distribution: shortest, most likely and longest time).
/// </summary>
public sealed record PhaseAssumption(
    Phase Phase,
    double RealisationProbability,
    double MinMonths,
    double ModeMonths,
    double MaxMonths,
    string Reasoning);

/// <summary>A versioned set of phase assumptions, with its source and the date from which it applies.</summary>
public sealed record ForecastAssumptions(string Version, DateOnly ValidFrom, string Source, IReadOnlyList<PhaseAssumption> Phases)
{
    /// <summary>
    /// The starting values. They are ResMonitor's own assumptions, not measured Drenthe figures: a later phase is more
    /// certain and closer to realisation. They are meant to be replaced by the region's own, versioned figures.
    /// </summary>
    public static ForecastAssumptions Defaults { get; } = new(
        "standaard-2025",
        new DateOnly(2025, 7, 1),
        "Aanname ResMonitor: standaardwaarden per fase, te vervangen door regionale cijfers",
        [
            new(Phase.Idea, 0.25, 36, 60, 108, "Een idee of zoekgebied zonder aanvraag: de meeste plannen in deze fase worden (nog) niet gebouwd; vergunning, SDE en bouw samen kosten jaren."),
            new(Phase.InProcedure, 0.50, 24, 42, 84, "In procedure: de vergunning kan worden geweigerd of aangevochten; daarna volgen nog subsidie, netaansluiting en bouw."),
            new(Phase.Permitted, 0.70, 18, 30, 60, "Vergund maar nog niet onherroepelijk: bezwaar en beroep kunnen het project nog tegenhouden of vertragen."),
            new(Phase.Irrevocable, 0.80, 12, 24, 48, "Onherroepelijk vergund: de grootste onzekerheid is nu subsidie en netcapaciteit."),
            new(Phase.Subsidy, 0.85, 9, 18, 36, "SDE-beschikking: de businesscase staat; netaansluiting en bouw bepalen de timing."),
            new(Phase.UnderConstruction, 0.95, 3, 9, 18, "In aanbouw: bijna zeker, op vertraging in de bouw of de netaansluiting na."),
            new(Phase.Realised, 1.0, 0, 0, 0, "Gerealiseerd: telt volledig mee."),
            new(Phase.Withdrawn, 0.0, 0, 0, 0, "Ingetrokken: telt niet mee."),
        ]);

    public PhaseAssumption For(Phase phase) =>
        Phases.FirstOrDefault(p => p.Phase == phase) ?? throw new InvalidOperationException($"Geen aanname voor fase {Labels.Phase(phase)}.");

    /// <summary>Every problem with these assumptions, in Dutch; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems() => FieldProblems().Select(p => p.Message).ToList();

    /// <summary>
    /// Every problem with these assumptions, each with the phase and the field it is about (kans, kortst,
    /// waarschijnlijkst, langst, vertraging, onderbouwing, fase, bron), so that a form can show it next to the field.
    /// </summary>
    public IReadOnlyList<AssumptionProblem> FieldProblems()
    {
        var problems = new List<AssumptionProblem>();
        if (string.IsNullOrWhiteSpace(Source))
        {
            problems.Add(new(null, "bron", "Geef de bron of de reden van deze aannames."));
        }

        foreach (var phase in Enum.GetValues<Phase>().Where(p => Phases.All(a => a.Phase != p)))
        {
            problems.Add(new(phase, "fase", $"Er is geen aanname voor de fase {Labels.Phase(phase)}."));
        }

        foreach (var a in Phases)
        {
            var name = Labels.Phase(a.Phase);
            if (double.IsNaN(a.RealisationProbability) || a.RealisationProbability is < 0 or > 1)
            {
                var percent = (a.RealisationProbability * 100).ToString("0.##", DutchFormat.Culture);
                problems.Add(new(a.Phase, "kans", $"Fase {name}: de kans op realisatie moet tussen 0 en 1 liggen, dus van 0% tot en met 100% (nu {percent}%)."));
            }

            var negative = new[] { ("kortst", "kortste", a.MinMonths), ("waarschijnlijkst", "meest waarschijnlijke", a.ModeMonths), ("langst", "langste", a.MaxMonths) }
                .Where(d => !(d.Item3 >= 0)).ToList();
            if (negative.Count > 0)
            {
                foreach (var (field, words, months) in negative)
                {
                    problems.Add(new(a.Phase, field, $"Fase {name}: de {words} vertraging kan niet negatief zijn (nu {months.ToString("0.##", DutchFormat.Culture)} maanden)."));
                }
            }
            else if (!(a.MinMonths <= a.ModeMonths && a.ModeMonths <= a.MaxMonths))
            {
                problems.Add(new(a.Phase, "vertraging", $"Fase {name}: de vertraging moet oplopen van kortste via meest waarschijnlijke naar langste."));
            }

            if (string.IsNullOrWhiteSpace(a.Reasoning))
            {
                problems.Add(new(a.Phase, "onderbouwing", $"Fase {name}: leg uit waarom deze kans en vertraging gelden."));
            }
        }

        foreach (var duplicate in Phases.GroupBy(p => p.Phase).Where(g => g.Count() > 1))
        {
            problems.Add(new(duplicate.Key, "fase", $"De fase {Labels.Phase(duplicate.Key)} heeft meer dan één aanname."));
        }

        return problems;
    }
}

/// <summary>One problem with a set of assumptions: the phase (none for the whole set), the field and the Dutch message.</summary>
public sealed record AssumptionProblem(Phase? Phase, string Field, string Message);
