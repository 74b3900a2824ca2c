namespace ResMonitor.Web.Pages.Beheer;

/// <summary>
/// The problems of a refused form, per input (by the input's id): shown next to the field, listed in an error summary
/// at the top that links to each field, and tied to the input with aria-invalid and aria-describedby.
/// </summary>
public sealed class InputErrors
{
    private readonly List<(string Input, string ErrorId, string Message)> _all = [];

    public bool Any => _all.Count > 0;

    /// <summary>Every message in the order it was found, with the input it links to.</summary>
    public IEnumerable<(string Input, string Message)> Summary =>
        _all.Select((e, i) => (e, i))
            .OrderBy(x => Order.IndexOf(x.e.Input) is var at and >= 0 ? at : int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => (x.e.Input, x.e.Message));

    /// <summary>The inputs in the order of the form, so that the summary reads from top to bottom.</summary>
    public List<string> Order { get; } = [];

    public void Add(string input, string message) => AddFor(input, input + "-fout", message);

    /// <summary>A message about a group of inputs (e.g. three delays), shown once and linked from the first.</summary>
    public void AddFor(string input, string errorId, string message)
    {
        if (!_all.Any(e => e.ErrorId == errorId && e.Message == message))
        {
            _all.Add((input, errorId, message));
        }
    }

    public bool Has(string input) => _all.Any(e => e.Input == input);

    public bool HasError(string errorId) => _all.Any(e => e.ErrorId == errorId);

    /// <summary>The messages shown under one error id, joined.</summary>
    public string? Message(string errorId) =>
        _all.Where(e => e.ErrorId == errorId).Select(e => e.Message).ToList() is { Count: > 0 } messages ? string.Join(" ", messages) : null;

    /// <summary>The value of aria-describedby for an input: its own message and those of the groups it belongs to.</summary>
    public string? Described(string input, params string[] groupErrorIds)
    {
        var ids = new List<string>();
        if (HasError(input + "-fout"))
        {
            ids.Add(input + "-fout");
        }

        ids.AddRange(groupErrorIds.Where(HasError));
        return ids.Count > 0 ? string.Join(' ', ids) : null;
    }

    /// <summary>What the _FieldError partial shows for one error id.</summary>
    public FieldErrorView View(string errorId) => new(errorId, Message(errorId));

    public string? Invalid(string input, params string[] groupErrorIds) => Described(input, groupErrorIds) is null ? null : "true";
}

/// <summary>The message shown under one error id next to its field (none when the field is fine).</summary>
public sealed record FieldErrorView(string ErrorId, string? Message);
