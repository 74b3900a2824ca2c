using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Grid;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Grid;

/// <summary>The form of one congestion record, shared by the new and the change page: fields, choices, messages.</summary>
public abstract class CongestionFormModel(CongestionService register, UserManager<User> users, ResMonitorDbContext db, TimeProvider clock) : PageModel
{
    private static readonly string[] DateFields = [nameof(Sinds), nameof(VerwachtEinde), nameof(Einde), nameof(Peildatum)];

    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Gebied { get; set; }

    [BindProperty]
    public string? Netbeheerder { get; set; }

    [BindProperty]
    public CongestionKind Soort { get; set; } = CongestionKind.FeedIn;

    [BindProperty]
    public DateOnly? Sinds { get; set; }

    [BindProperty]
    public DateOnly? VerwachtEinde { get; set; }

    [BindProperty]
    public string? Verzwaring { get; set; }

    [BindProperty]
    public DateOnly? Einde { get; set; }

    [BindProperty]
    public string? Bron { get; set; }

    [BindProperty]
    public DateOnly? Peildatum { get; set; }

    public IReadOnlyList<CongestionArea> Areas { get; private set; } = [];

    /// <summary>The grid operators the user may choose: all for a beheerder, their own for a redacteur.</summary>
    public IReadOnlyList<Organisation> Operators { get; private set; } = [];

    public GridEditor Editor { get; private set; } = null!;

    /// <summary>The form's messages, per field (the field's input id).</summary>
    public FieldErrors Errors { get; } = new();

    public bool HasErrors => Errors.Any;

    /// <summary>A message for the whole record (e.g. an example that cannot be changed here).</summary>
    public string? Refusal { get; protected set; }

    protected CongestionService Register => register;

    protected ResMonitorDbContext Db => db;

    protected DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public static string? DateValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Loads the editor rights and the choices; false when the user may not keep the register.</summary>
    protected async Task<bool> PrepareAsync(CancellationToken ct)
    {
        if (await GridEditor.OfAsync(User, users, db, ct) is not { } editor)
        {
            return false;
        }

        Editor = editor;
        Areas = await register.AreasAsync(HttpContext.Region().Id, ct);
        Operators = editor.IsBeheerder ? await register.GridOperatorsAsync(HttpContext.Region().Id, ct) : [editor.GridOperator!];
        return true;
    }

    protected CongestionInput Input() => new(Gebied, Netbeheerder, Soort, Sinds, VerwachtEinde, Verzwaring, Einde, Bron, Peildatum);

    /// <summary>
    /// A date that is not written as yyyy-mm-dd (what a date field sends), or a kind that does not exist, is named
    /// next to its field. Only that form is accepted, so that 1-3-2024 is never read as 3 January or 1 March.
    /// </summary>
    protected void AddBindingProblems()
    {
        foreach (var name in DateFields)
        {
            var raw = Request.HasFormContentType ? Request.Form[name].ToString().Trim() : "";
            if (raw.Length > 0 && !DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Errors.Add(FieldId(name), $"'{raw}' is geen datum; vul een datum in als jjjj-mm-dd.");
                _unreadable.Add(FieldId(name));
                Forget(name);
            }
        }

        if (ModelState.TryGetValue(nameof(Soort), out var kind) && kind.Errors.Count > 0)
        {
            Errors.Add("soort", $"'{kind.AttemptedValue}' is geen soort congestie; kies levering of afname.");
        }
    }

    private void Forget(string dateField)
    {
        switch (dateField)
        {
            case nameof(Sinds):
                Sinds = null;
                break;
            case nameof(VerwachtEinde):
                VerwachtEinde = null;
                break;
            case nameof(Einde):
                Einde = null;
                break;
            default:
                Peildatum = null;
                break;
        }
    }

    protected void Add(IEnumerable<CongestionProblem> problems)
    {
        // A field that could not be read already says so; "missing" would only repeat it.
        foreach (var p in problems.Where(p => !_unreadable.Contains(p.Field)))
        {
            Errors.Add(p.Field, p.Message);
        }
    }

    /// <summary>
    /// Saves the form as a new record (<paramref name="record"/> null) or over <paramref name="record"/>: 403 for a grid
    /// operator the user may not edit, the form with its messages when anything is wrong, else back to the list.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(Congestion? record, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Netbeheerder) && !Editor.MayEdit(Netbeheerder.Trim()))
        {
            return Forbid();
        }

        AddBindingProblems();
        var (saved, problems) = await Register.SaveAsync(HttpContext.Region().Id, record, Input(), Today, checkOnly: HasErrors, ct);
        if (saved is null)
        {
            Add(problems);
            return Invalid();
        }

        return Redirect($"/beheer/netcongestie?opgeslagen={saved.Id}");
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    protected void Fill(Congestion record, string? areaKey, string operatorCode)
    {
        Gebied = areaKey;
        Netbeheerder = operatorCode;
        Soort = record.Kind;
        Sinds = record.Since;
        VerwachtEinde = record.ExpectedEnd;
        Verzwaring = record.Reinforcement;
        Einde = record.EndedOn;
        Bron = record.Source;
        Peildatum = record.SourceDate;
    }

    private static string FieldId(string property) => property switch
    {
        nameof(Sinds) => "sinds",
        nameof(VerwachtEinde) => "verwacht",
        nameof(Einde) => "einde",
        _ => "peildatum",
    };
}
