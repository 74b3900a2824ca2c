#!/usr/bin/env python3
"""Writes the example project set (src/ResMonitor.Core/Data/Reference/drenthe/examples.csv).

Every record is fictitious and marked voorbeeld=ja; it exists so that a fresh monitor does not look empty.
Deterministic: the same file every run.
"""
import csv, json, random, pathlib

root = pathlib.Path(__file__).resolve().parent.parent / "src/ResMonitor.Core/Data/Reference/drenthe"
geo = json.load(open(root / "gemeenten-2024.geojson", encoding="utf-8"))
rnd = random.Random(2030)
phases = ["idee", "in_procedure", "vergund", "onherroepelijk", "sde", "in_aanbouw", "gerealiseerd"]
kinds = [("wind", "Windpark", (12, 60)), ("zon op land", "Zonnepark", (5, 45)), ("zon op dak", "Zon op dak", (1, 6))]
header = ["project_id", "naam", "techniek", "gemeente", "vermogen_mw", "lat", "lon"] + [f"datum_{p}" for p in phases] + [
    "zaaknummer", "vergunning_aangevraagd", "vergunning_verleend", "eigenaren", "lokaal_eigendom_pct", "voorbeeld", "bron", "peildatum"]
rows = []
n = 0
for feature in sorted(geo["features"], key=lambda f: f["properties"]["statnaam"]):
    ring = feature["geometry"]["coordinates"][0]
    lon = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    name = feature["properties"]["statnaam"]
    for tech, label, (lo, hi) in kinds:
        if tech == "wind" and rnd.random() < 0.4:
            continue
        n += 1
        cap = round(rnd.uniform(lo, hi), 1)
        reached = rnd.choice([0, 1, 2, 3, 5, 6, 6, 6])
        year = rnd.randint(2015, 2019)
        dates = {}
        for i, p in enumerate(phases[: reached + 1]):
            if i > 0 and rnd.random() < 0.3 and p not in ("vergund", "gerealiseerd"):
                continue
            year += rnd.choice([0, 1, 1])
            dates[p] = f"{min(year, 2025)}-{rnd.randint(1, 12):02d}-01"
        ordered = [dates.get(p, "") for p in phases]
        last = ""
        for i, d in enumerate(ordered):
            if d and last and d < last:
                ordered[i] = last
            last = ordered[i] or last
        granted = dates.get("vergund") and ordered[phases.index("vergund")]
        rows.append([f"VB-{n:03d}", f"Voorbeeld: {label} {name} {n}", tech, feature["id"], str(cap).replace(".", ","),
                     f"{lat + rnd.uniform(-0.02, 0.02):.5f}", f"{lon + rnd.uniform(-0.02, 0.02):.5f}"] + ordered + [
            f"VB-Z-{n:03d}" if granted else "", "", granted or "",
            rnd.choice(["Energiecoöperatie (voorbeeld)", "Ontwikkelaar en coöperatie (voorbeeld)", "Agrarisch bedrijf (voorbeeld)"]),
            str(rnd.choice([0, 25, 50, 50, 100])), "ja", "Voorbeeldgegevens ResMonitor (verzonnen)", "2025-07-01"])
with open(root / "examples.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
print(f"{len(rows)} example projects")
