using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Features.Editing;

/// <summary>One input of an editor form: its field name, label, hint and value, with its message if any.</summary>
public sealed record InputField(string Field, string Label, string Value, FieldErrors Errors, string? Hint = null, string Type = "text",
    bool Required = false, string? InputMode = null, string? Autocomplete = null, bool Multiline = false)
{
    public string Id => ProjectFields.HtmlId(Field);

    /// <summary>aria-describedby: the hint and the message, whichever there are.</summary>
    public string? DescribedBy => Errors.DescribedWith(Hint is null ? null : Id + "-hint", Field);
}

/// <summary>A choice list of an editor form.</summary>
public sealed record SelectField(string Field, string Label, string Value, IReadOnlyList<(string Value, string Text)> Options, FieldErrors Errors,
    string? Empty = null, bool Required = false)
{
    public string Id => ProjectFields.HtmlId(Field);
}
