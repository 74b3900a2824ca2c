using ResMonitor.Core.Governance;

namespace ResMonitor.Web.Pages.Beheer.Impasses;

/// <summary>The message for one field, shown next to it.</summary>
public sealed record FieldError(string Id, string? Message);

/// <summary>Problems from the rules: per field for the form, and the ones that refuse the transition as a whole.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public string? Conflict { get; private set; }

    public bool Any => _fields.Count > 0 || Conflict is not null;

    public void Add(IEnumerable<EscalationProblem> problems)
    {
        foreach (var p in problems)
        {
            if (EscalationRules.IsConflict(p))
            {
                Conflict = Conflict is null ? p.Message : Conflict + " " + p.Message;
            }
            else
            {
                _fields[p.Field] = _fields.TryGetValue(p.Field, out var earlier) ? earlier + " " + p.Message : p.Message;
            }
        }
    }

    public void Add(string field, string message) => Add([new EscalationProblem(field, message)]);

    public FieldError For(string field) => new(field, _fields.GetValueOrDefault(field));

    public bool Has(string field) => _fields.ContainsKey(field);

    /// <summary>aria attributes for an input: invalid and described by its message.</summary>
    public string? Described(string field) => Has(field) ? field + "-fout" : null;
}
