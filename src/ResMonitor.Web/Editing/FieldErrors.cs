using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Editing;

/// <summary>
/// Messages per form field, in the order of the form: shown next to each field (aria-describedby) and listed in an
/// error summary at the top that links to the fields, as the NL Design System and GOV.UK forms do.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Message)> _all = [];

    public bool Any => _all.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => _all;

    public void Add(string field, string message)
    {
        if (!_all.Contains((field, message)))
        {
            _all.Add((field, message));
        }
    }

    public void Add(IEnumerable<RuleViolation> violations)
    {
        foreach (var v in violations)
        {
            Add(v.Field, v.Message);
        }
    }

    public bool Has(string field) => _all.Exists(e => e.Field == field);

    public string? Message(string field) =>
        Has(field) ? string.Join(" ", _all.Where(e => e.Field == field).Select(e => e.Message)) : null;

    /// <summary>The id of the message element of a field, for aria-describedby; null when the field has no message.</summary>
    public string? Described(string field) => Has(field) ? ProjectFields.HtmlId(field) + "-fout" : null;

    /// <summary>"true" for aria-invalid when the field has a message.</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;
}
