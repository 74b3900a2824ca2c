#!/usr/bin/env python3
"""Writes a fictitious national-size data set for the site benchmark (see bench/README.md).

Usage: generate.py OUT_DIR [PROJECTS=50000]

OUT_DIR/regions/bench-NN/ holds 29 generated regions in the format `resmonitor seed --region-folder DIR` reads
(region.json and gemeenten.geojson: municipality codes GM8001 and up, names made of syllables, square boundaries on
a grid over the Netherlands, targets and full-load hours). With the real Drenthe region (12 municipalities, seeded
with `resmonitor seed`) that makes 30 regions and 342 municipalities.
OUT_DIR/projects/REGION.csv holds the projects of one region in the import format (docs/import-format.md); the
importer reads one region per file (`resmonitor import projects FILE --region REGION`). The projects are spread over
all 342 municipalities, so each region gets a share in proportion to its municipalities (Drenthe about 1,750).
Deterministic: the same arguments give the same files, byte for byte.
"""
import csv, importlib.util, json, pathlib, random, sys

HERE = pathlib.Path(__file__).resolve().parent
REF = HERE.parents[1] / "src/ResMonitor.Core/Data/Reference/drenthe"
_spec = importlib.util.spec_from_file_location("import_generate", HERE.parent / "import/generate.py")
rows = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rows)  # the row generator of the import benchmark: every row it makes is valid

REGIONS, MUNICIPALITIES = 29, 330            # generated; plus Drenthe: 30 regions, 342 municipalities
COLS, ROWS = 22, 15                          # 330 grid cells, one square municipality each
LAT0, LAT1, LON0, LON1 = 51.0, 53.4, 3.6, 7.0  # inside the importer's bounds of the Netherlands
FIRST = ["Al", "Bern", "Bors", "Dal", "Eem", "Gel", "Haar", "Hol", "Lint", "Mar", "Noor", "Oost", "Rijs", "Ster",
         "Vel", "Wes", "Zand", "Zuid"]
LAST = ["beek", "berg", "broek", "dijk", "dorp", "hoven", "horst", "loo", "meer", "veen", "vliet", "wolde", "zijl",
        "ende", "heem", "lo", "mond", "rade", "sel"]
SOURCE = "Benchmark ResMonitor (verzonnen gegevens)"


def municipality_names():
    names = [a + b for a in FIRST for b in LAST]
    random.Random(342).shuffle(names)
    return names[:MUNICIPALITIES]


def square(lat, lon, dlat, dlon):
    ring = [[lon, lat], [lon + dlon, lat], [lon + dlon, lat + dlat], [lon, lat + dlat], [lon, lat]]
    return {"type": "Polygon", "coordinates": [[[round(x, 5), round(y, 5)] for x, y in ring]]}


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: generate.py OUT_DIR [PROJECTS=50000]")
    out = pathlib.Path(sys.argv[1])
    total = int(sys.argv[2]) if len(sys.argv) == 3 else 50000
    rnd = random.Random(2030)
    names = municipality_names()
    dlat, dlon = (LAT1 - LAT0) / ROWS, (LON1 - LON0) / COLS

    # Municipalities in grid order, split into 29 regions of 11 or 12 neighbouring cells.
    cells = []
    for k in range(MUNICIPALITIES):
        r, c = divmod(k, COLS)
        lat, lon = LAT0 + r * dlat, LON0 + c * dlon
        cells.append((f"GM{8001 + k}", names[k], (lat, lon)))
    sizes = [MUNICIPALITIES // REGIONS + (1 if i < MUNICIPALITIES % REGIONS else 0) for i in range(REGIONS)]
    regions, start = [], 0
    for i, size in enumerate(sizes):
        regions.append((f"bench-{i + 1:02d}", f"Proefregio {i + 1:02d}", cells[start:start + size]))
        start += size

    for rid, name, munis in regions:
        folder = out / "regions" / rid
        folder.mkdir(parents=True, exist_ok=True)
        features = [{"type": "Feature", "properties": {"statcode": code, "statnaam": mname, "jaar": 2024},
                     "geometry": square(lat, lon, dlat, dlon)} for code, mname, (lat, lon) in munis]
        with open(folder / "gemeenten.geojson", "w", encoding="utf-8") as f:
            json.dump({"type": "FeatureCollection", "name": rid, "features": features}, f, ensure_ascii=False)
        organisations = [{"kind": "Municipality", "code": code, "name": mname,
                          "population": rnd.randint(9000, 160000), "populationReferenceDate": "2025-01-01",
                          "populationSource": SOURCE} for code, mname, _ in munis]
        organisations.append({"kind": "Province", "code": f"PV-{rid}", "name": f"Provincie van {name}"})
        wind, land, roof = (rnd.randint(4, 12) * 100000 for _ in range(3))
        targets = [{"technique": None, "year": 2030, "valueMwh": wind + land + roof, "source": SOURCE,
                    "referenceDate": "2021-07-01"}] + [
                   {"technique": t, "year": 2030, "valueMwh": v, "source": SOURCE, "referenceDate": "2021-07-01"}
                   for t, v in (("Wind", wind), ("SolarOnLand", land), ("SolarOnRoof", roof))]
        hours = [{"technique": t, "hours": h, "validFrom": "2000-01-01", "source": SOURCE}
                 for t, h in (("Wind", 2500 + rnd.randint(0, 500)), ("SolarOnLand", 950), ("SolarOnRoof", 850))]
        region = {"id": rid, "name": name, "description": f"{len(munis)} verzonnen gemeenten voor de benchmark.",
                  "organisations": organisations, "targets": targets, "fullLoadHours": hours,
                  "boundaries": {"file": "gemeenten.geojson", "source": SOURCE}}
        with open(folder / "region.json", "w", encoding="utf-8") as f:
            json.dump(region, f, ensure_ascii=False, indent=1)

    # Drenthe's real municipalities, with the centres of their real boundaries.
    geo = json.load(open(REF / "gemeenten-2024.geojson", encoding="utf-8"))
    drenthe = []
    for feat in sorted(geo["features"], key=lambda f: f["properties"]["statcode"]):
        ring = feat["geometry"]["coordinates"][0]
        drenthe.append((feat["properties"]["statcode"], feat["properties"]["statnaam"],
                        (sum(p[1] for p in ring) / len(ring), sum(p[0] for p in ring) / len(ring))))
    # Projects: each one picks a municipality over all 342, so each region's share follows its size.
    everything = [("drenthe", m) for m in drenthe] + [(rid, (code, mname, (lat + dlat / 2, lon + dlon / 2)))
                                                       for rid, _, munis in regions for code, mname, (lat, lon) in munis]
    (out / "projects").mkdir(parents=True, exist_ok=True)
    writers, files = {}, []
    for rid in ["drenthe"] + [r[0] for r in regions]:
        f = open(out / "projects" / f"{rid}.csv", "w", newline="", encoding="utf-8")
        files.append(f)
        writers[rid] = csv.writer(f, lineterminator="\n")
        writers[rid].writerow(rows.HEADER)
    prnd = random.Random(50000 + total)
    for i in range(1, total + 1):
        rid, muni = prnd.choice(everything)
        writers[rid].writerow(rows.project(prnd, i, [muni]))
    for f in files:
        f.close()


if __name__ == "__main__":
    main()
