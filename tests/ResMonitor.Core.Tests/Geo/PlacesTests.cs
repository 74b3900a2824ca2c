using ResMonitor.Core.Geo;

namespace ResMonitor.Core.Tests;

public class PlacesTests
{
    private static readonly Place NieuwBuinen = new("Nieuw-Buinen", "GM1681", 52.9625, 6.95, PlaceKind.Village, 4705);

    private static readonly Place Exloermond = new("Tweede Exloërmond", "GM1681", 52.90917, 6.93333, PlaceKind.Village, 2365);

    private static readonly Place Emmen = new("Emmen", "GM0114", 52.77917, 6.90694, PlaceKind.City, 57010);

    private static readonly Place Angelslo = new("Angelslo", "GM0114", 52.78, 6.88, PlaceKind.Neighbourhood, 10000);

    private static readonly Place[] Places = [NieuwBuinen, Exloermond, Emmen, Angelslo];

    private static readonly MunicipalityName[] Municipalities = [new("GM0114", "Emmen"), new("GM1681", "Borger-Odoorn")];

    [Theory]
    [InlineData(CompassPoint.North, 0.018, 0)]
    [InlineData(CompassPoint.NorthEast, 0.018, 0.03)]
    [InlineData(CompassPoint.East, 0, 0.03)]
    [InlineData(CompassPoint.SouthEast, -0.018, 0.03)]
    [InlineData(CompassPoint.South, -0.018, 0)]
    [InlineData(CompassPoint.SouthWest, -0.018, -0.03)]
    [InlineData(CompassPoint.West, 0, -0.03)]
    [InlineData(CompassPoint.NorthWest, 0.018, -0.03)]
    public void Direction_is_where_the_point_lies_seen_from_the_place(CompassPoint expected, double dLat, double dLon) =>
        Assert.Equal(expected, Compass.Direction(NieuwBuinen.Latitude, NieuwBuinen.Longitude, NieuwBuinen.Latitude + dLat, NieuwBuinen.Longitude + dLon));

    [Fact]
    public void Distance_matches_the_known_distance_between_two_towns()
    {
        // Assen to Emmen: 24,2 km south and 23,1 km east, so 33,4 km as the crow flies.
        var km = Compass.DistanceKm(52.99667, 6.5625, Emmen.Latitude, Emmen.Longitude);
        Assert.InRange(km, 33.2, 33.7);
    }

    [Fact]
    public void Nearest_place_in_words_in_dutch_and_english()
    {
        // About 2 km east of Nieuw-Buinen: 0.03° of longitude at 53° N is 2,0 km.
        var where = Whereabouts.Nearest(NieuwBuinen.Latitude, NieuwBuinen.Longitude + 0.03, Places)!;
        Assert.Equal("2 km ten oosten van Nieuw-Buinen", where.Dutch);
        Assert.Equal("2 km east of Nieuw-Buinen", where.English);
    }

    [Theory]
    [InlineData(0.3, null, "bij Nieuw-Buinen")]
    [InlineData(0.9, 1, "1 km ten noorden van Nieuw-Buinen")]
    [InlineData(7.4, 7, "7 km ten noorden van Nieuw-Buinen")]
    [InlineData(23.0, 25, "25 km ten noorden van Nieuw-Buinen")]
    public void Distance_is_rounded_as_said(double km, int? rounded, string dutch)
    {
        var where = new Whereabouts(NieuwBuinen, km, CompassPoint.North);
        Assert.Equal(rounded, where.RoundedKm);
        Assert.Equal(dutch, where.Dutch);
    }

    [Fact]
    public void A_neighbourhood_is_not_the_nearest_place_when_a_town_is_there()
    {
        var where = Whereabouts.Nearest(Angelslo.Latitude, Angelslo.Longitude, Places)!;
        Assert.Equal("Emmen", where.Place.Name);
    }

    [Theory]
    [InlineData("Nieuw-Buinen")]
    [InlineData("nieuw buinen")]
    [InlineData("  NIEUW-BUINEN ")]
    public void A_place_is_found_whatever_the_case_spaces_and_hyphens(string query)
    {
        var result = PlaceSearch.Find(query, Places, Municipalities);
        Assert.Equal(NieuwBuinen, result.Place);
        Assert.Null(result.Municipality);
    }

    [Fact]
    public void A_place_is_found_without_its_accents()
    {
        Assert.Equal(Exloermond, PlaceSearch.Find("tweede exloermond", Places, Municipalities).Place);
    }

    [Fact]
    public void A_municipality_name_finds_the_municipality_before_its_namesake_place()
    {
        var result = PlaceSearch.Find("emmen", Places, Municipalities);
        Assert.Equal("GM0114", result.Municipality?.Code);
        Assert.Null(result.Place);
        Assert.Equal("GM1681", PlaceSearch.Find("Borger Odoorn", Places, Municipalities).Municipality?.Code);
    }

    [Fact]
    public void No_match_gives_the_closest_names()
    {
        var misspelt = PlaceSearch.Find("Nieuw-Bunen", Places, Municipalities);
        Assert.False(misspelt.Found);
        Assert.Equal("Nieuw-Buinen", misspelt.Suggestions[0]);

        var part = PlaceSearch.Find("exloer", Places, Municipalities);
        Assert.False(part.Found);
        Assert.Equal("Tweede Exloërmond", part.Suggestions[0]);
        Assert.True(part.Suggestions.Count <= PlaceSearch.SuggestionCount);
    }

    [Fact]
    public void The_places_file_of_drenthe_is_shipped_and_inside_the_region()
    {
        var list = PlaceList.ForRegion("drenthe")!;
        Assert.True(list.Places.Count > 50);
        var buinen = Assert.Single(list.Places, p => p.Name == "Nieuw-Buinen");
        Assert.Equal("GM1681", buinen.MunicipalityCode);
        Assert.All(list.Places, p => Assert.True(p.Latitude is > 52.5 and < 53.25 && p.Longitude is > 6.1 and < 7.1, p.Name));
        Assert.Null(PlaceList.ForRegion("nergens"));
    }

    [Fact]
    public void A_places_file_with_a_bad_row_is_refused_naming_line_and_column()
    {
        var error = Assert.Throws<InvalidDataException>(() => PlaceList.Parse("naam,gemeentecode,lat,lon,soort,inwoners\nExloo,GM1681,52.88,6.86,dorp,1525\nBuinen,GM1681,52;93,6.83,dorp,750\n", "places.csv"));
        Assert.Equal("places.csv, regel 3: de kolom 'lat' moet een getal met een punt zijn, niet '52;93'.", error.Message);
    }
}
