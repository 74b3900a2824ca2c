using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Features.OpenData;

/// <summary>
/// Reads the query string of the API and the downloads into a <see cref="ProjectFilter"/>. Anything it cannot
/// read is a 400 that names the parameter and the values it accepts; an unknown parameter is refused too, so that
/// a typo never silently returns everything.
/// </summary>
public static partial class Selection
{
    public const string Municipality = "gemeente";
    public const string Technique = "techniek";
    public const string Phase = "fase";

    public static readonly string[] ProjectParameters = [Municipality, Technique, Phase];

    public static readonly string[] MunicipalityParameters = [Municipality];

    /// <summary>Techniques a project can have (technology-neutral is only for targets and search areas).</summary>
    public static readonly IReadOnlyList<Technique> Techniques = [Core.Energy.Technique.Wind, Core.Energy.Technique.SolarOnLand, Core.Energy.Technique.SolarOnRoof];

    public static IReadOnlyList<string> TechniqueKeys { get; } = Techniques.Select(Labels.TechniqueKey).ToList();

    public static IReadOnlyList<string> PhaseKeys { get; } = Enum.GetValues<Phase>().Select(Labels.PhaseKey).ToList();

    [GeneratedRegex("^GM[0-9]{4}$")]
    public static partial Regex MunicipalityCode();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    public static partial Regex ProjectId();

    /// <summary>The filter, or the problem to answer with.</summary>
    public static (ProjectFilter? Filter, ProblemHttpResult? Problem) Read(
        IQueryCollection query, IReadOnlyList<string> allowedParameters, string regionName, IReadOnlyCollection<string> municipalityCodes)
    {
        foreach (var (name, values) in query)
        {
            // ?lang=nl|en works on every address of the site and is checked before routing.
            if (name == "lang")
            {
                continue;
            }

            if (!allowedParameters.Contains(name))
            {
                return (null, BadRequest(name,
                    $"De parameter '{name}' bestaat niet. Toegestaan: {string.Join(", ", allowedParameters)}.", allowedParameters));
            }

            if (values.Count > 1)
            {
                return (null, BadRequest(name, $"Geef de parameter '{name}' hoogstens één keer.", allowedParameters));
            }
        }

        string? Value(string name) => query[name].ToString().Trim() is { Length: > 0 } text ? text : null;

        string? code = null;
        if (Value(Municipality) is { } municipality)
        {
            code = municipality.ToUpperInvariant();
            var known = municipalityCodes.Order(StringComparer.Ordinal).ToList();
            if (!MunicipalityCode().IsMatch(code))
            {
                return (null, BadRequest(Municipality,
                    $"'{municipality}' is geen CBS-gemeentecode. Parameter 'gemeente' verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0106. Toegestaan in {regionName}: {string.Join(", ", known)}.",
                    known));
            }

            if (!municipalityCodes.Contains(code))
            {
                return (null, BadRequest(Municipality,
                    $"De gemeente '{code}' hoort niet bij {regionName}. Toegestaan voor parameter 'gemeente': {string.Join(", ", known)}.",
                    known));
            }
        }

        Technique? technique = null;
        if (Value(Technique) is { } techniqueText)
        {
            var key = Key(techniqueText);
            technique = Techniques.Cast<Technique?>().FirstOrDefault(t => Labels.TechniqueKey(t!.Value) == key);
            if (technique is null)
            {
                return (null, BadRequest(Technique,
                    $"Onbekende techniek '{techniqueText}'. Toegestaan voor parameter 'techniek': {string.Join(", ", TechniqueKeys)}.",
                    TechniqueKeys));
            }
        }

        Phase? phase = null;
        if (Value(Phase) is { } phaseText)
        {
            var key = Key(phaseText);
            phase = Enum.GetValues<Phase>().Cast<Phase?>().FirstOrDefault(p => Labels.PhaseKey(p!.Value) == key);
            if (phase is null)
            {
                return (null, BadRequest(Phase,
                    $"Onbekende fase '{phaseText}'. Toegestaan voor parameter 'fase': {string.Join(", ", PhaseKeys)}.",
                    PhaseKeys));
            }
        }

        return (new ProjectFilter(code, technique, phase), null);
    }

    public static ProblemHttpResult BadRequest(string parameter, string detail, IReadOnlyList<string> allowed) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: $"Ongeldige parameter '{parameter}'",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter, ["allowedValues"] = allowed });

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    /// <summary>"Zon op land", "zon-op-land" and "ZON_OP_LAND" all read as "zon_op_land".</summary>
    private static string Key(string text) =>
        string.Join('_', text.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
}
