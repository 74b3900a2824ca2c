using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Geo;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Map;

/// <summary>The region's map: municipalities shaded by realised generation per inhabitant, projects and search areas.</summary>
public sealed class MapModel(Register.RegisterResolver register) : PageModel
{
    /// <summary>Class limits in MWh per inhabitant per year, so that small and large municipalities compare fairly.</summary>
    public static readonly decimal[] Levels = [0.5m, 1m, 2m, 4m];

    public Overview Overview { get; private set; } = null!;

    public IReadOnlyList<Organisation> Municipalities { get; private set; } = [];

    /// <summary>Every located project the map covers (the region, or the chosen municipality).</summary>
    public IReadOnlyList<MarkerProject> Projects { get; private set; } = [];

    /// <summary>The markers drawn: one per project, or clusters when there are too many (<see cref="MarkerClusters"/>).</summary>
    public MarkerLayout Markers { get; private set; } = new([], []);

    /// <summary>The municipality the map is zoomed to (`?gemeente=emmen`), or null for the whole region.</summary>
    public Organisation? Zoomed { get; private set; }

    /// <summary>The projects the list below the map shows on this page (`?pagina=`).</summary>
    public IReadOnlyList<MarkerProject> ListPage { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>Projects per page of the list below the map, so that the page stays small at any register size.</summary>
    public const int ListPageSize = MarkerClusters.MaxMarkers;

    public IReadOnlyList<SearchArea> SearchAreas { get; private set; } = [];

    /// <summary>The technique the reader chose to show (`?techniek=wind`), or null for all.</summary>
    public Technique? Technique { get; private set; }

    /// <summary>The region's places (cities, towns, villages), or null when the region ships no places file: no place search then.</summary>
    public IReadOnlyList<Place>? Places { get; private set; }

    /// <summary>What the reader searched for (`?plaats=`), trimmed; null without a search.</summary>
    public string? Query { get; private set; }

    /// <summary>The place the map is centred on, when the search found one.</summary>
    public Place? FoundPlace { get; private set; }

    /// <summary>A place with the same name as the municipality found (Emmen, Assen), to offer next to it.</summary>
    public Place? NamesakePlace { get; private set; }

    /// <summary>The closest names when the search found nothing.</summary>
    public IReadOnlyList<string> Suggestions { get; private set; } = [];

    public bool NoMatch => Query is not null && FoundPlace is null && Zoomed is null;

    /// <summary>The place found has a municipality's name (Emmen): its links say `als=plaats` to stay on the place.</summary>
    public bool IsNamesake => FoundPlace is { } p && Municipalities.Any(m => PlaceSearch.Normalise(m.Name) == PlaceSearch.Normalise(p.Name));

    /// <summary>The part of the region the map shows around <see cref="FoundPlace"/>; null for a region or municipality map.</summary>
    public MapFrame? Frame { get; private set; }

    /// <summary>The projects nearest to the place found, nearest first, with where they lie seen from the place.</summary>
    public IReadOnlyList<(MarkerProject Project, Whereabouts Where)> Nearby { get; private set; } = [];

    /// <summary>How many of the nearest projects the page lists.</summary>
    public const int NearbyCount = 10;

    /// <summary>How far the map around a place reaches to either side (km); above and below two thirds of it.</summary>
    public const double AroundKm = 9;

    public static int Level(decimal? perInhabitant) => perInhabitant is not { } v ? 0 : Levels.Count(limit => v >= limit) + 1;

    public async Task<IActionResult> OnGetAsync(string? techniek, string? gemeente, string? pagina, string? plaats, string? als, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(plaats))
        {
            if (plaats.Length > PlaceSearch.MaxLength || !TextRule.IsAllowed(plaats))
            {
                BadQuery.Page(HttpContext, "plaats",
                    $"De parameter 'plaats' moet een plaats- of gemeentenaam zijn van hoogstens {PlaceSearch.MaxLength} tekens, zonder stuurtekens.",
                    $"The parameter 'plaats' must be the name of a place or municipality of at most {PlaceSearch.MaxLength} characters, without control characters.");
                return BadRequest();
            }

            Query = plaats.Trim();
        }

        if (!string.IsNullOrEmpty(pagina) && (!int.TryParse(pagina, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1))
        {
            BadQuery.Page(HttpContext, "pagina",
                $"De parameter 'pagina' moet een paginanummer zijn (1, 2, ...), niet '{pagina}'.",
                $"The parameter 'pagina' must be a page number (1, 2, ...), not '{pagina}'.");
            return BadRequest();
        }

        if (!string.IsNullOrEmpty(techniek))
        {
            Technique = Labels.ParseTechnique(techniek);
            if (Technique is null or Core.Energy.Technique.TechnologyNeutral)
            {
                BadQuery.Page(HttpContext, "techniek",
                    $"De parameter 'techniek' kent de waarde '{techniek}' niet. Kies wind, zon_op_land of zon_op_dak.",
                    $"The parameter 'techniek' has an unknown value '{techniek}'. Choose wind, zon_op_land or zon_op_dak.");
                return BadRequest();
            }
        }

        var state = await register.TodayAsync(ct);
        var overview = Core.Register.RegisterFigures.Overview(state, HttpContext.Region().Id);
        if (overview is null)
        {
            return NotFound();
        }

        Overview = overview;
        Municipalities = state.MunicipalitiesOf(HttpContext.Region().Id).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(gemeente))
        {
            Zoomed = Municipalities.FirstOrDefault(m => Slug.From(m.Name) == gemeente);
            if (Zoomed is null)
            {
                return NotFound();
            }
        }

        Places = PlaceList.ForRegion(HttpContext.Region().Id)?.Places;
        if (Query is not null)
        {
            Search(Query, als == "plaats");
        }

        var codes = Municipalities.ToDictionary(m => m.Id, m => m.Code);
        Projects = state.ProjectsOf(HttpContext.Region().Id, Zoomed?.Id)
            .Where(p => p.Latitude != null && p.Longitude != null && p.Phase != Phase.Withdrawn && (Technique is null || p.Technique == Technique))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new MarkerProject(p.Id, p.Name, p.Technique, p.Phase, p.Latitude!.Value, p.Longitude!.Value, p.CapacityMw,
                codes.GetValueOrDefault(p.MunicipalityId, "?")))
            .ToList();
        var regionId = HttpContext.Region().Id;
        SearchAreas = state.SearchAreas
            .Where(a => a.RegionId == regionId && a.GeometryGeoJson != null && (Technique is null || a.Technique == Technique)
                && (Zoomed is null || a.MunicipalityId == Zoomed.Id))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        if (FoundPlace is { } place)
        {
            Nearby = Projects
                .Select(p => (Project: p, Where: Whereabouts.Of(p.Latitude, p.Longitude, place)))
                .OrderBy(n => n.Where.DistanceKm)
                .ThenBy(n => n.Project.Name, StringComparer.Ordinal)
                .Take(NearbyCount)
                .ToList();
        }

        LayOut(string.IsNullOrEmpty(pagina) ? 1 : int.Parse(pagina, System.Globalization.CultureInfo.InvariantCulture));
        return Page();
    }

    /// <summary>
    /// A municipality's name zooms to the municipality (and offers its namesake place), a place's name centres the map
    /// on the place; otherwise the page suggests the closest names. The search wins over `?gemeente=`.
    /// </summary>
    private void Search(string query, bool placeOnly)
    {
        var places = Places ?? [];
        var municipalities = Municipalities.Select(m => new MunicipalityName(m.Code, m.Name)).ToList();
        var result = placeOnly
            ? new PlaceSearchResult(null, PlaceSearch.PlaceNamed(query, places), [])
            : PlaceSearch.Find(query, places, municipalities);
        Zoomed = result.Municipality is { } found ? Municipalities.First(m => m.Code == found.Code) : null;
        NamesakePlace = Zoomed is not null ? PlaceSearch.PlaceNamed(Zoomed.Name, places) : null;
        FoundPlace = result.Place;
        Suggestions = result.Found || !placeOnly ? result.Suggestions : PlaceSearch.Find(query, places, municipalities).Suggestions;
        if (FoundPlace is { } place)
        {
            Frame = MapFrame.Around(place.Latitude, place.Longitude, AroundKm, AroundKm * 2 / 3);
        }
    }

    /// <summary>The place names the map shows: towns and cities on the region's map, every village on a closer one.</summary>
    public IReadOnlyList<MapLabel> PlaceLabels()
    {
        var places = Places ?? [];
        IEnumerable<Place> shown = Frame is { } frame
            ? places.Where(p => p.Kind != PlaceKind.Neighbourhood && frame.Contains(p.Latitude, p.Longitude))
            : Zoomed is { } zoomed
                ? places.Where(p => p.Kind != PlaceKind.Neighbourhood && p.MunicipalityCode == zoomed.Code)
                : places.Where(p => p.Kind is PlaceKind.City or PlaceKind.Town);
        var labels = shown.Where(p => p != FoundPlace)
            .OrderByDescending(p => p.Population)
            .Select(p => new MapLabel(p.Name, p.Latitude, p.Longitude, Major: p.Kind == PlaceKind.City))
            .ToList();
        if (FoundPlace is { } found)
        {
            labels.Insert(0, new MapLabel(found.Name, found.Latitude, found.Longitude, Emphasis: true));
        }

        return labels;
    }

    /// <summary>
    /// Bounds the page at any register size: the region's map clusters per municipality above
    /// <see cref="MarkerClusters.MaxMarkers"/> projects, a municipality's map in a grid; the list below pages.
    /// </summary>
    private void LayOut(int page)
    {
        // A grid cell as wide as a marker on the drawn frame (the municipality, or the whole region).
        IReadOnlyList<Organisation> frame = Zoomed is { } zoomed ? [zoomed] : Municipalities;
        var width = Frame?.WidthMetres ?? SvgMap.WidthInMetres(frame.Where(m => m.BoundaryGeoJson is not null).Select(m => m.BoundaryGeoJson!));
        var drawn = Frame is { } around ? Projects.Where(p => around.Contains(p.Latitude, p.Longitude)).ToList() : Projects;
        Markers = MarkerClusters.Layout(drawn, byMunicipality: Zoomed is null && Frame is null,
            minCellMetres: width is { } metres ? metres * SvgMap.MarkerSpacing / SvgMap.Width : 250);
        PageCount = Math.Max(1, (Projects.Count + ListPageSize - 1) / ListPageSize);
        PageNumber = Math.Min(page, PageCount);
        ListPage = Projects.Skip((PageNumber - 1) * ListPageSize).Take(ListPageSize).ToList();
    }

    /// <summary>The address of this map with the reader's technique, municipality and page.</summary>
    public string Href(Organisation? municipality, int page = 1)
    {
        var query = new List<string>();
        if (FoundPlace is { } place && municipality is null)
        {
            query.Add("plaats=" + Uri.EscapeDataString(place.Name));
            if (IsNamesake)
            {
                query.Add("als=plaats");
            }
        }

        if (Technique is { } t)
        {
            query.Add("techniek=" + Labels.TechniqueKey(t));
        }

        if (municipality is not null)
        {
            query.Add("gemeente=" + Slug.From(municipality.Name));
        }

        if (page > 1)
        {
            query.Add("pagina=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return HttpContext.Region().Href(query.Count == 0 ? "/kaart" : "/kaart?" + string.Join('&', query));
    }
}
