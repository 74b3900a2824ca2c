using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Data;
using ResMonitor.Core.History;
using ResMonitor.Core.OpenData;
using ResMonitor.Web.Features.Accounts;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.History;

/// <summary>
/// The change log for the werkbureau: every audit entry of its region (a national beheerder: of all regions), newest first, narrowed by period, who, channel, kind of
/// record, project and reason, in pages of <see cref="PageSize"/>, or all of the selection as CSV.
/// </summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class ChangeLogModel(ResMonitorDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>One entry as the page shows it; a whole-row entry carries the row's fields.</summary>
    public sealed record Row(
        AuditEntry Entry, string Table, string Field, string? Old, string? New,
        IReadOnlyList<(string Column, string Label, string Value)> Values);

    public ChangeLogFilter Filter { get; private set; } = ChangeLogFilter.None;

    /// <summary>The query string of the filter, without the page, for the pager and the CSV link.</summary>
    public string FilterQuery { get; private set; } = "";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Read(out var page))
        {
            return BadRequest();
        }

        var query = InRegion(await AuditQuery.FilterAsync(db, Filter, clock.LocalTimeZone, ct));
        Total = await query.CountAsync(ct);
        PageNumber = Math.Min(page, PageCount);
        var entries = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var organisations = await AuditLabels.OrganisationNamesAsync(db, ct);
        Rows = entries.Select(e => Describe(e, organisations)).ToList();
        return Page();
    }

    /// <summary>A region's werkbureau sees the entries of its own region only; a national beheerder sees every entry.</summary>
    private IQueryable<AuditEntry> InRegion(IQueryable<AuditEntry> entries) =>
        User.RegionOf() is { } region ? entries.Where(e => e.RegionId == region) : entries;

    /// <summary>GET /beheer/wijzigingen/csv?…: the whole selection, streamed, with raw values and Dutch labels side by side.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!Read(out _))
        {
            return BadRequest();
        }

        var query = InRegion(await AuditQuery.FilterAsync(db, Filter, clock.LocalTimeZone, ct));
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"wijzigingen.csv\"";
        var dialect = CsvDialect.Standard;
        await using var writer = new StreamWriter(Response.Body, dialect.Encoding, 1 << 14, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(dialect.Line(["moment", "wie", "kanaal", "tabel", "soort", "sleutel", "veld", "veldnaam", "oud", "nieuw", "reden"]));
        await foreach (var e in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(dialect.Line([
                e.At.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Channel, e.TableName, AuditLabels.Table(e.TableName), e.RowKey,
                e.Field, e.Field == AuditRecorder.RowField ? (e.OldValue is null ? "aangemaakt" : "verwijderd") : AuditLabels.Column(e.Field),
                e.OldValue ?? "", e.NewValue ?? "", e.Reason ?? ""]));
        }

        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    private Row Describe(AuditEntry e, IReadOnlyDictionary<int, string> organisations)
    {
        var table = AuditLabels.Table(e.TableName);
        if (e.Field == AuditRecorder.RowField)
        {
            var created = e.OldValue is null;
            return new(e, table, created ? "aangemaakt" : "verwijderd", null, null,
                AuditLabels.Row(db.Model, e.TableName, created ? e.NewValue : e.OldValue, organisations));
        }

        return new(e, table, AuditLabels.Column(e.Field),
            AuditLabels.Value(db.Model, e.TableName, e.Field, e.OldValue, organisations),
            AuditLabels.Value(db.Model, e.TableName, e.Field, e.NewValue, organisations), []);
    }

    /// <summary>Reads the filter from the query string; false (with the reason for the 400 page) when a parameter is wrong.</summary>
    private bool Read(out int page)
    {
        page = 1;
        var query = Request.Query;
        string? Text(string name) => query[name].ToString().Trim() is { Length: > 0 } text ? text : null;

        DateOnly? from = null, until = null;
        foreach (var name in new[] { "van", "tot" })
        {
            if (Text(name) is not { } text)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Refuse(name, $"De parameter '{name}' moet een datum zijn in de vorm jjjj-mm-dd, bijvoorbeeld 2024-01-01.",
                    $"The parameter '{name}' must be a date in the form yyyy-mm-dd, for example 2024-01-01.");
            }

            (name == "van" ? ref from : ref until) = date;
        }

        var channel = Text("kanaal");
        if (channel is not null && !AuditQuery.Channels.Contains(channel))
        {
            return Refuse("kanaal", $"De parameter 'kanaal' moet {string.Join(", ", AuditQuery.Channels)} zijn.",
                $"The parameter 'kanaal' must be {string.Join(", ", AuditQuery.Channels)}.");
        }

        var table = Text("soort");
        if (table is not null && !AuditLabels.Tables.ContainsKey(table))
        {
            return Refuse("soort", $"De parameter 'soort' kent de waarde '{table}' niet. Kies {string.Join(", ", AuditLabels.Tables.Keys)}.",
                $"The parameter 'soort' has an unknown value '{table}'. Choose {string.Join(", ", AuditLabels.Tables.Keys)}.");
        }

        if (Text("pagina") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return Refuse("pagina", "De parameter 'pagina' moet een geheel getal van 1 of meer zijn.", "The parameter 'pagina' must be a whole number of 1 or more.");
        }

        Filter = new ChangeLogFilter(from, until, Text("wie"), channel, table, Text("project"), Text("reden"));
        var kept = new List<string>();
        foreach (var name in new[] { "van", "tot", "wie", "kanaal", "soort", "project", "reden" })
        {
            if (Text(name) is { } value)
            {
                kept.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        FilterQuery = string.Join("&", kept);
        return true;
    }

    private bool Refuse(string parameter, string dutch, string english)
    {
        BadQuery.Page(HttpContext, parameter, dutch, english);
        return false;
    }
}
