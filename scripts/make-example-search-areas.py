#!/usr/bin/env python3
"""Writes the example search areas (src/ResMonitor.Core/Data/Reference/drenthe/zoekgebieden-voorbeeld.geojson).

Every area is fictitious and marked as an example; it exists so that the map of a fresh monitor shows what a search
area (zoekgebied) looks like. Deterministic: the same file every run.
"""
import json, math, pathlib, random

root = pathlib.Path(__file__).resolve().parent.parent / "src/ResMonitor.Core/Data/Reference/drenthe"
geo = json.load(open(root / "gemeenten-2024.geojson", encoding="utf-8"))
rnd = random.Random(2031)
picks = [("GM0109", "wind"), ("GM0114", "wind"), ("GM1681", "zon_op_land"), ("GM0118", "zon_op_land"), ("GM1690", "wind"), ("GM1699", "zon_op_land")]
labels = {"wind": "wind", "zon_op_land": "zon op land"}


def inside(lon, lat, ring):
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            result = not result
    return result


features = []
by_code = {f["id"]: f for f in geo["features"]}
for n, (code, technique) in enumerate(picks, start=1):
    feature = by_code[code]
    ring = feature["geometry"]["coordinates"][0]
    if feature["geometry"]["type"] == "MultiPolygon":
        ring = ring[0]
    lon0 = sum(p[0] for p in ring) / len(ring)
    lat0 = sum(p[1] for p in ring) / len(ring)
    # Move the centre until the whole area lies inside the municipality.
    for _ in range(200):
        lon, lat = lon0 + rnd.uniform(-0.06, 0.06), lat0 + rnd.uniform(-0.04, 0.04)
        shape = []
        for k in range(8):
            a = 2 * math.pi * k / 8
            r = rnd.uniform(0.6, 1.0)
            shape.append([round(lon + 0.03 * r * math.cos(a), 5), round(lat + 0.018 * r * math.sin(a), 5)])
        if all(inside(x, y, ring) for x, y in shape):
            break
    shape.append(shape[0])
    name = feature["properties"]["statnaam"]
    features.append({
        "type": "Feature",
        "properties": {"id": f"VB-ZG-{n:02d}", "naam": f"Voorbeeld: zoekgebied {labels[technique]} {name}", "techniek": technique, "gemeente": code},
        "geometry": {"type": "Polygon", "coordinates": [shape]},
    })

with open(root / "zoekgebieden-voorbeeld.geojson", "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
    f.write("\n")
print(f"{len(features)} example search areas")
