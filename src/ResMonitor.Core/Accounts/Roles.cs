namespace ResMonitor.Core.Accounts;

/// <summary>The three roles, by their Dutch names as the werkbureau uses them.</summary>
public static class Roles
{
    /// <summary>The werkbureau: all data, creates users.</summary>
    public const string Beheerder = "beheerder";

    /// <summary>Edits the projects and records of one organisation.</summary>
    public const string Redacteur = "redacteur";

    /// <summary>Reads unpublished drafts.</summary>
    public const string Lezer = "lezer";

    public static readonly IReadOnlyList<string> All = [Beheerder, Redacteur, Lezer];

    /// <summary>
    /// The policy for what is not published yet (the whole record of an impasse): the werkbureau and the lezers, not
    /// the partners' editors.
    /// </summary>
    public const string DraftReaders = "concepten-lezen";

    public static string Label(string role, bool english) => (role, english) switch
    {
        (Beheerder, false) => "beheerder",
        (Beheerder, true) => "administrator",
        (Redacteur, false) => "redacteur",
        (Redacteur, true) => "editor",
        (Lezer, false) => "lezer",
        (Lezer, true) => "reader",
        _ => role,
    };
}
