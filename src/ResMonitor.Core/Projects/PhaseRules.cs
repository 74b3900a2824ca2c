namespace ResMonitor.Core.Projects;

/// <summary>A broken rule, named by the field it concerns so that a form or an import can point at it.</summary>
public sealed record RuleViolation(string Field, string Message);

/// <summary>Which phase may follow which, and which dates are possible.</summary>
public static class PhaseRules
{
    /// <summary>
    /// Forward moves may skip phases; any unfinished project may be withdrawn; a permit that is annulled sends a
    /// permitted project back into procedure. Nothing leaves Realised or Withdrawn.
    /// </summary>
    public static bool CanMove(Phase from, Phase to)
    {
        if (from is Phase.Realised or Phase.Withdrawn || from == to)
        {
            return false;
        }

        if (to == Phase.Withdrawn)
        {
            return true;
        }

        return to > from || (from == Phase.Permitted && to == Phase.InProcedure);
    }

    /// <summary>Checks a whole dated history (oldest first) and the permits against it.</summary>
    public static IReadOnlyList<RuleViolation> Validate(
        IReadOnlyList<PhaseChange> history, IEnumerable<Permit> permits, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (history.Count == 0)
        {
            errors.Add(new("fase", "Het project heeft geen fase: geef minstens één fase met datum."));
            return errors;
        }

        for (var i = 0; i < history.Count; i++)
        {
            var step = history[i];
            if (step.Date > today)
            {
                errors.Add(new(FieldOf(step.Phase),
                    $"De datum {DutchFormat.Date(step.Date)} voor '{Labels.Phase(step.Phase)}' ligt in de toekomst."));
            }

            if (i == 0)
            {
                continue;
            }

            var previous = history[i - 1];
            if (!CanMove(previous.Phase, step.Phase))
            {
                errors.Add(new(FieldOf(step.Phase),
                    $"Van '{Labels.Phase(previous.Phase)}' kan een project niet naar '{Labels.Phase(step.Phase)}'."));
            }
            else if (step.Date < previous.Date)
            {
                errors.Add(new(FieldOf(step.Phase),
                    $"'{Labels.Phase(step.Phase)}' ({DutchFormat.Date(step.Date)}) ligt vóór '{Labels.Phase(previous.Phase)}' ({DutchFormat.Date(previous.Date)})."));
            }
        }

        PhaseChange? realised = null;
        for (var i = 0; i < history.Count && realised is null; i++)
        {
            realised = history[i].Phase == Phase.Realised ? history[i] : null;
        }

        foreach (var permit in permits)
        {
            CheckPermit(permit, realised, today, errors);
        }

        return errors;
    }

    /// <summary>The form or import field that holds the date of a phase.</summary>
    public static string FieldOf(Phase phase) => "datum_" + Labels.PhaseKey(phase);

    private static void CheckPermit(Permit permit, PhaseChange? realised, DateOnly today, List<RuleViolation> errors)
    {
        (string Field, string Label, DateOnly? Date)[] dates =
        [
            ("vergunning_aangevraagd", "aanvraag", permit.AppliedOn),
            ("vergunning_verleend", "verlening", permit.GrantedOn),
            ("vergunning_onherroepelijk", "onherroepelijk worden", permit.IrrevocableOn),
        ];
        foreach (var (field, label, date) in dates)
        {
            if (date > today)
            {
                errors.Add(new(field, $"De datum van {label} van de vergunning ({DutchFormat.Date(date.Value)}) ligt in de toekomst."));
            }
        }

        for (var i = 1; i < dates.Length; i++)
        {
            // The latest earlier step that has a date.
            var earlier = default((string Field, string Label, DateOnly? Date));
            for (var j = i - 1; j >= 0; j--)
            {
                if (dates[j].Date is not null)
                {
                    earlier = dates[j];
                    break;
                }
            }

            if (dates[i].Date is { } later && earlier.Date is { } before && later < before)
            {
                errors.Add(new(dates[i].Field,
                    $"De datum van {dates[i].Label} van de vergunning ({DutchFormat.Date(later)}) ligt vóór de {earlier.Label} ({DutchFormat.Date(before)})."));
            }
        }

        if (realised is not null && permit.GrantedOn is { } granted && realised.Date < granted)
        {
            errors.Add(new(FieldOf(Phase.Realised),
                $"Gerealiseerd ({DutchFormat.Date(realised.Date)}) kan niet vóór de verlening van de vergunning ({DutchFormat.Date(granted)})."));
        }
    }
}
