using ResMonitor.Core.Governance;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Features.Editing;

/// <summary>
/// The one form-error helper of every editor form: Dutch messages per field, shown next to the field (the
/// <c>_FieldError</c> partial, tied to the input with aria-invalid and aria-describedby) and listed in an error summary
/// at the top that links to each field (the <c>_ErrorSummary</c> partial), as the NL Design System and GOV.UK forms do.
/// A field is named as in the rules and the API (<c>permits[0].caseNumber</c>); its input's id is
/// <see cref="ProjectFields.HtmlId"/> of that name and its message's id that id plus <c>-fout</c>.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string ErrorId, string Message)> _all = [];

    /// <summary>True when the form was refused: a message at a field or for the form as a whole.</summary>
    public bool Any => _all.Count > 0 || Refusal is not null;

    /// <summary>Every message with its field, in the order of <see cref="Order"/> and then in the order found.</summary>
    public IReadOnlyList<(string Field, string Message)> All =>
        _all.Select((e, i) => (e, i))
            .OrderBy(x => Order.IndexOf(x.e.Field) is var at and >= 0 ? at : int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => (x.e.Field, x.e.Message))
            .ToList();

    /// <summary>The fields in the order of the form where that differs from the order the rules report them.</summary>
    public List<string> Order { get; } = [];

    /// <summary>A message that refuses the form as a whole rather than one field (e.g. a step that cannot be taken).</summary>
    public string? Refusal { get; private set; }

    public static string ErrorIdOf(string field) => ProjectFields.HtmlId(field) + "-fout";

    public static string InputIdOf(string field) => ProjectFields.HtmlId(field);

    public void Add(string field, string message) => AddFor(field, ErrorIdOf(field), message);

    /// <summary>A message about a group of inputs (e.g. three delays), shown once under its own id and linked from <paramref name="field"/>.</summary>
    public void AddFor(string field, string errorId, string message)
    {
        if (!_all.Contains((field, errorId, message)))
        {
            _all.Add((field, errorId, message));
        }
    }

    public void Add(IEnumerable<RuleViolation> violations)
    {
        foreach (var v in violations)
        {
            Add(v.Field, v.Message);
        }
    }

    /// <summary>The escalation rules' problems: per field, and those that refuse the step as a whole.</summary>
    public void Add(IEnumerable<EscalationProblem> problems)
    {
        foreach (var p in problems)
        {
            if (EscalationRules.IsConflict(p))
            {
                Refuse(p.Message);
            }
            else
            {
                Add(p.Field, p.Message);
            }
        }
    }

    public void Refuse(string message) => Refusal = Refusal is null ? message : Refusal + " " + message;

    /// <summary>True when a message links to the field (its own or a group's).</summary>
    public bool Has(string field) => _all.Exists(e => e.Field == field);

    public bool HasError(string errorId) => _all.Exists(e => e.ErrorId == errorId);

    /// <summary>The field's own messages, joined; null when it has none.</summary>
    public string? Message(string field) => MessageAt(ErrorIdOf(field));

    /// <summary>What the <c>_FieldError</c> partial shows next to a field.</summary>
    public FieldErrorView For(string field) => View(ErrorIdOf(field));

    /// <summary>What the <c>_FieldError</c> partial shows under one error id (a field's or a group's).</summary>
    public FieldErrorView View(string errorId) => new(errorId, MessageAt(errorId));

    /// <summary>
    /// The value of aria-describedby for a field's input: its hint (when given), its own message and the messages of
    /// the groups it belongs to; null when there is nothing to point at.
    /// </summary>
    public string? Described(string field, params string[] groupErrorIds) => DescribedWith(null, field, groupErrorIds);

    public string? DescribedWith(string? hintId, string field, params string[] groupErrorIds)
    {
        var ids = new List<string>();
        if (hintId is not null)
        {
            ids.Add(hintId);
        }

        if (HasError(ErrorIdOf(field)))
        {
            ids.Add(ErrorIdOf(field));
        }

        ids.AddRange(groupErrorIds.Where(HasError));
        return ids.Count > 0 ? string.Join(' ', ids) : null;
    }

    /// <summary>"true" for aria-invalid when the field or one of its groups has a message.</summary>
    public string? Invalid(string field, params string[] groupErrorIds) =>
        HasError(ErrorIdOf(field)) || groupErrorIds.Any(HasError) ? "true" : null;

    /// <summary>The summary at the top of the form with the form's own heading.</summary>
    public ErrorSummaryView Summary(string heading) => new(this, heading);

    private string? MessageAt(string errorId) =>
        _all.Where(e => e.ErrorId == errorId).Select(e => e.Message).ToList() is { Count: > 0 } messages ? string.Join(" ", messages) : null;
}

/// <summary>The message shown under one error id next to its field (none when the field is fine).</summary>
public sealed record FieldErrorView(string ErrorId, string? Message);

/// <summary>The error summary of a refused form: its heading and the messages that link to their fields.</summary>
public sealed record ErrorSummaryView(FieldErrors Errors, string Heading);
