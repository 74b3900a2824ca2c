using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using F = ResMonitor.Core.Projects.ProjectFields;

namespace ResMonitor.Web.Features.Projects;

/// <summary>A permit in the API: <c>competentAuthority</c> is gemeente, provincie or Rijk; an existing permit carries its id.</summary>
public sealed record PermitState(long? Id, string? CompetentAuthority, string? CaseNumber, DateOnly? AppliedOn, DateOnly? GrantedOn, DateOnly? IrrevocableOn, DateOnly? HandedOverToProvinceOn);

public sealed record PhaseState(string Phase, DateOnly Date, string? Note);

public sealed record ProjectState(
    string Id, int Version, string Name, string Technique, string Municipality, decimal CapacityMw, string? SearchArea,
    double? Latitude, double? Longitude, decimal? MeasuredYieldMwh, int? MeasuredYieldYear, string? Owners, decimal? LocalOwnershipPercent,
    string? Participation, bool IsExample, string Source, DateOnly SourceDate, string Phase, DateOnly? PhaseDate,
    IReadOnlyList<PhaseState> PhaseHistory, IReadOnlyList<PermitState> Permits)
{
    public static ProjectState From(Project p, string municipalityCode) => new(
        p.Id, p.Version, p.Name, Labels.TechniqueKey(p.Technique), municipalityCode, p.CapacityMw, p.SearchAreaId, p.Latitude, p.Longitude,
        p.MeasuredYieldMwh, p.MeasuredYieldYear, p.Owners, p.LocalOwnershipPercent, p.Participation, p.IsExample, p.Source, p.SourceDate,
        Labels.PhaseKey(p.Phase), p.PhaseDate,
        p.PhaseHistory.OrderBy(c => c.Date).ThenBy(c => c.Id).Select(c => new PhaseState(Labels.PhaseKey(c.Phase), c.Date, c.Note)).ToList(),
        p.Permits.OrderBy(x => x.Id).Select(x => new PermitState(x.Id, Labels.Authority(x.CompetentAuthority), x.CaseNumber, x.AppliedOn, x.GrantedOn, x.IrrevocableOn, x.HandedOverToProvinceOn)).ToList());
}

/// <summary>
/// A change through the API: the fields of <see cref="ProjectInput"/> under their own names (what is left out becomes
/// empty), so that a field is added in one place, plus the version it starts from and the reason for the audit trail.
/// Techniques, phases and competent authorities travel as their keys (zon_op_land, in_procedure, gemeente).
/// </summary>
public sealed record ProjectWrite : ProjectInput
{
    public int? Version { get; init; }

    public string? Reason { get; init; }

    /// <summary>Read-only parts of <see cref="ProjectState"/>, accepted so that a state can be sent back as read; ignored.</summary>
    public string? Phase { get; init; }

    public DateOnly? PhaseDate { get; init; }

    public JsonElement? PhaseHistory { get; init; }
}

/// <summary>A key the API does not know for a technique, phase or competent authority; named at its field.</summary>
public sealed class UnknownKeyException(string message) : JsonException(message);

/// <summary>Reads and writes an enum as its key in the register's words, with a Dutch message for an unknown key.</summary>
public sealed class KeyConverter<T>(Func<string, T?> parse, Func<T, string> key, Func<string, string> unknown) : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        return parse(text) ?? throw new UnknownKeyException(unknown(text));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(key(value));
}

/// <summary>
/// Editing through the API: <c>PUT /api/v1/projects/{id}</c> with the signed-in cookie and the form token in the
/// <c>RequestVerificationToken</c> header (from <c>GET /api/v1/antiforgery</c>), and <c>GET /api/v1/projects/{id}</c>
/// for the editable state and its version. Same rules, scope and audit trail (channel api) as the site.
/// </summary>
public static class ProjectsWriteApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters =
        {
            new KeyConverter<Technique>(Labels.ParseTechnique, Labels.TechniqueKey, t => $"Onbekende techniek '{t}': kies wind, zon_op_land of zon_op_dak."),
            new KeyConverter<CompetentAuthority>(Labels.ParseAuthority, Labels.Authority, a => $"Onbekend bevoegd gezag '{a}': kies gemeente, provincie of Rijk."),
            new KeyConverter<Phase>(ParsePhase, Labels.PhaseKey,
                p => $"Onbekende fase '{p}': kies idee, in_procedure, vergund, onherroepelijk, sde, in_aanbouw, gerealiseerd of ingetrokken."),
        },
    };

    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectEditor>();
        services.AddScoped<EditorAccess>();
        return services;
    }

    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Bewerken").RequireAuthorization(Roles.Redacteur);
        api.MapGet("/antiforgery", GetToken)
            .WithName("GetAntiforgeryToken")
            .WithSummary("De formuliersleutel voor wijzigingen via de API")
            .WithDescription("Geeft de sleutel die bij elke wijziging in de kop RequestVerificationToken hoort, en zet het bijbehorende cookie. Alleen voor ingelogde redacteuren en beheerders.");
        api.MapGet("/projects/{id}", GetState)
            .WithName("GetProjectForEditing")
            .WithSummary("Eén project om te bewerken, met zijn versie")
            .WithDescription("Alle velden van het project, de vergunningen en de fasen, en de versie die bij een wijziging terug moet. 403 buiten uw bereik, 404 bij een onbekend project.");
        api.MapPut("/projects/{id}", PutAsync)
            .WithName("UpdateProject")
            .WithSummary("Een project wijzigen")
            .WithDescription("Vervangt de velden van het project door de meegestuurde (wat ontbreekt wordt leeg), werkt vergunningen bij of voegt ze toe, en voegt eventueel een nieuwe fase toe (newPhase). " +
                "Stuur de versie mee waarvan u uitging en de formuliersleutel in de kop RequestVerificationToken. 200 met de nieuwe stand, 400 met per veld een melding, " +
                "403 buiten uw bereik, 404 bij een onbekend project, 409 als het project intussen is gewijzigd. Elke wijziging komt in het logboek (kanaal api), met 'reason' als reden.")
            .Accepts<ProjectWrite>("application/json")
            .Produces<ProjectState>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    internal static Ok<AntiforgeryToken> GetToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName ?? "RequestVerificationToken", tokens.RequestToken!));
    }

    public sealed record AntiforgeryToken(string HeaderName, string Token);

    internal static async Task<Results<Ok<ProjectState>, ProblemHttpResult>> GetState(string id, ProjectEditor editor, EditorAccess access, CancellationToken ct)
    {
        var project = await editor.FindAsync(id, ct);
        if (project is null)
        {
            return UnknownProject(id);
        }

        return (await access.ScopeAsync(ct)).Allows(project)
            ? TypedResults.Ok(ProjectState.From(project, project.Municipality!.Code))
            : OutOfScope(id);
    }

    internal static async Task<Results<Ok<ProjectState>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string id, HttpContext context, IAntiforgery antiforgery, ProjectEditor editor, EditorAccess access, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Formuliersleutel ontbreekt",
                detail: "Een wijziging via de API heeft de formuliersleutel nodig in de kop RequestVerificationToken. Haal hem op met GET /api/v1/antiforgery.");
        }

        ProjectWrite? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ProjectWrite>(context.Request.Body, Json, ct);
        }
        catch (UnknownKeyException e)
        {
            // The field as the messages name it: $.permits[0].competentAuthority is permits[0].competentAuthority.
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "";
            return Invalid(new() { [field] = [e.Message] });
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige JSON",
                detail: $"De inhoud is geen geldig project in JSON{(e.Path is { Length: > 1 } path ? $" (bij {path})" : "")}. Getallen zonder aanhalingstekens, datums als \"2024-03-01\".");
        }

        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Geen project", detail: "Stuur het project als JSON-object.");
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (body.Version is null)
        {
            Error(F.Version, "Geef de versie van het project waarvan u uitging (zie GET /api/v1/projects/{id}).");
        }

        ProjectInput input = body.Permits is null ? body with { Permits = [] } : body;
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var outcome = await editor.UpdateAsync(id, input, body.Version!.Value, null, await access.ScopeAsync(ct), body.Reason, ct);
        switch (outcome.Status)
        {
            case EditStatus.NotFound:
                return UnknownProject(id);
            case EditStatus.Forbidden:
                return OutOfScope(id);
            case EditStatus.Conflict:
                var last = outcome.Changes.Count > 0 ? outcome.Changes[^1] : null;
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Intussen gewijzigd",
                    detail: $"Het project '{id}' is gewijzigd sinds versie {body.Version}: het staat nu op versie {outcome.Project!.Version}" +
                        (last?.ChangedBy is { } who ? $", het laatst gewijzigd door {who}{(last.ChangedAt is { } at ? " op " + DutchFormat.Date(DateOnly.FromDateTime(at.UtcDateTime)) : "")}" : "") +
                        ". Haal de nieuwe stand op, pas uw wijziging toe en stuur haar opnieuw.",
                    extensions: new Dictionary<string, object?> { ["version"] = outcome.Project.Version });
            case EditStatus.Invalid:
                foreach (var e in outcome.Errors)
                {
                    Error(e.Field, e.Message);
                }

                return Invalid(errors);
        }

        var saved = (await editor.FindAsync(id, ct))!;
        return TypedResults.Ok(ProjectState.From(saved, saved.Municipality!.Code));
    }

    private static Phase? ParsePhase(string key) => Enum.GetValues<Phase>().Cast<Phase?>().FirstOrDefault(p => Labels.PhaseKey(p!.Value) == key);

    private static ValidationProblem Invalid(Dictionary<string, List<string>> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: "Het project is niet opgeslagen", detail: "Een of meer velden kloppen niet; de meldingen staan per veld.");

    private static ProblemHttpResult UnknownProject(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekend project", detail: $"Het project '{id}' staat niet in het register.");

    private static ProblemHttpResult OutOfScope(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang",
            detail: $"Uw account mag het project '{id}' niet wijzigen: een redacteur wijzigt alleen de projecten van de eigen organisatie.");
}
