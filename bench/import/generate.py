#!/usr/bin/env python3
"""Writes N valid, fictitious Drenthe projects in the import format (docs/import-format.md).

Usage: generate.py N OUT.csv
Deterministic: the same N gives the same file, byte for byte. Every row must pass the import: ids unique, dates in
phase order and not after MAX_DATE, permits consistent with the phases, bevoegd_gezag (when filled) as the rule says.
"""
import csv, json, pathlib, random, sys

REF = pathlib.Path(__file__).resolve().parents[2] / "src/ResMonitor.Core/Data/Reference/drenthe"
MAX_DATE = (2025, 10, 1)  # fixed, so the file does not depend on the day it is made
PHASES = ["idee", "in_procedure", "vergund", "onherroepelijk", "sde", "in_aanbouw", "gerealiseerd"]
KINDS = [  # techniek, name prefix, capacity range MW, weight
    ("wind", "Windpark", (3, 150), 2), ("zon op land", "Zonnepark", (1, 120), 5), ("zon op dak", "Zon op dak", (0.1, 6), 6)]
HOURS = {"wind": 2500, "zon op land": 950, "zon op dak": 850}
OWNERS = ["Energiecoöperatie Drentse Aa", "Ontwikkelaar BV en coöperatie", "Agrarisch bedrijf Hoogeveen",
          "Gemeente en inwoners", "Zonnepark \"De Es\" BV", ""]
PARTICIPATION = ["Omgevingsfonds, 0,50 euro per MWh", "Klankbordgroep en obligaties", "Financiële deelname 50%", ""]
HEADER = (["project_id", "naam", "techniek", "gemeente", "vermogen_mw", "lat", "lon", "rd_x", "rd_y",
           "gemeten_opbrengst", "opbrengst_eenheid", "opbrengst_jaar"] + [f"datum_{p}" for p in PHASES] +
          ["datum_ingetrokken", "bevoegd_gezag", "zaaknummer", "vergunning_aangevraagd", "vergunning_verleend",
           "vergunning_onherroepelijk", "overgedragen_aan_provincie", "eigenaren", "lokaal_eigendom_pct",
           "participatie", "bron", "peildatum"])


def number(rnd, value, decimals):
    """A number as people type it: 1234.5 -> '1234,5', '1234.5' or '1.234,5' (never an ambiguous 3-digit tail)."""
    text = f"{value:.{decimals}f}"
    style = rnd.random()
    if style < 0.5:
        return text.replace(".", ",")
    if style < 0.8 or abs(value) < 1000 or decimals == 0:  # '234.567' alone would be ambiguous
        return text
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + frac if frac else "")


def rd(lat, lon):
    """WGS84 to RD New, approximate (Schreutelkamp & Strang van Hees); metres."""
    p, l = 0.36 * (lat - 52.15517440), 0.36 * (lon - 5.38720621)
    x = 155000 + 190094.945 * l - 11832.228 * p * l - 114.221 * p**2 * l - 32.391 * l**3 - 0.705 * p \
        - 2.340 * p**3 * l - 0.608 * p * l**3 - 0.008 * l**2 + 0.148 * p**2 * l**3
    y = 463000 + 309056.544 * p + 3638.893 * l**2 + 73.077 * p**2 - 157.984 * p * l**2 + 59.788 * p**3 \
        + 0.433 * l - 6.439 * p**2 * l**2 - 0.032 * p * l + 0.092 * l**4 - 0.054 * p * l**4
    return x, y


def date(rnd, d):
    """ISO most of the time, sometimes Dutch d-m-yyyy."""
    y, m, day = d
    return f"{day}-{m}-{y}" if rnd.random() < 0.2 else f"{y}-{m:02d}-{day:02d}"


def later(rnd, d, max_months):
    y, m, _ = d
    months = y * 12 + m - 1 + rnd.randint(0, max_months)
    return min(max((months // 12, months % 12 + 1, rnd.randint(1, 28)), d), MAX_DATE)


def project(rnd, i, municipalities):
    code, name, (clat, clon) = rnd.choice(municipalities)
    tech, prefix, (lo, hi), _ = rnd.choices(KINDS, weights=[k[3] for k in KINDS])[0]
    cap = round(rnd.uniform(lo, hi) if rnd.random() < 0.995 else rnd.uniform(1000, 1900), 1)
    row = dict.fromkeys(HEADER, "")
    row.update(project_id=f"BENCH-{i:06d}", techniek=tech, gemeente=code, vermogen_mw=number(rnd, cap, 1))
    row["naam"] = f"{prefix} {name} {i}" + (", fase 2" if rnd.random() < 0.1 else "")

    lat, lon = clat + rnd.uniform(-0.05, 0.05), clon + rnd.uniform(-0.07, 0.07)
    where = rnd.random()
    if where < 0.7:
        row.update(lat=number(rnd, lat, 5), lon=number(rnd, lon, 5))
    elif where < 0.9:
        x, y = rd(lat, lon)
        row.update(rd_x=number(rnd, x, rnd.choice([0, 1, 2])), rd_y=number(rnd, y, rnd.choice([0, 1, 2])))

    # Phase history: dates never decrease and never pass MAX_DATE; skipped phases are allowed.
    reached = rnd.choice([0, 1, 1, 2, 3, 4, 5, 6, 6, 6])
    d = (rnd.randint(2010, 2022), rnd.randint(1, 12), rnd.randint(1, 28))
    dates = {}
    for k, p in enumerate(PHASES[:reached + 1]):
        if k in (0, reached) or p == "vergund" or rnd.random() < 0.6:
            d = later(rnd, d, 14) if dates else d
            dates[p] = d
    for p, v in dates.items():
        row[f"datum_{p}"] = date(rnd, v)
    if reached < 6 and rnd.random() < 0.05:
        row["datum_ingetrokken"] = date(rnd, later(rnd, d, 24))

    # Permit for permitted projects and some in procedure; realised never before the permit is granted.
    granted = dates.get("vergund")
    if granted or ("in_procedure" in dates and rnd.random() < 0.4):
        applied = dates.get("in_procedure") or dates["idee"]
        row.update(zaaknummer=f"Z/{applied[0]}/{i:06d}", vergunning_aangevraagd=date(rnd, applied))
        if granted:
            row["vergunning_verleend"] = date(rnd, granted)
            if "onherroepelijk" in dates:
                row["vergunning_onherroepelijk"] = date(rnd, dates["onherroepelijk"])
        handed = tech != "wind" and cap < 50 and rnd.random() < 0.1
        if handed:
            row["overgedragen_aan_provincie"] = date(rnd, applied)
        if rnd.random() < 0.5:  # the rule of seed 002, see CompetentAuthorityRule
            row["bevoegd_gezag"] = ("Rijk" if cap > 100 else "provincie" if (tech == "wind" and cap >= 5) or
                                    (tech != "wind" and cap >= 50) or handed else "gemeente")

    if "gerealiseerd" in dates and rnd.random() < 0.5:
        mwh = cap * HOURS[tech] * rnd.uniform(0.8, 1.1)
        unit, value, decimals = rnd.choice([("MWh", mwh, 1), ("GWh", mwh / 1000, 2), ("kWh", mwh * 1000, 0)])
        row.update(gemeten_opbrengst=number(rnd, value, decimals), opbrengst_eenheid=unit,
                   opbrengst_jaar=str(min(dates["gerealiseerd"][0] + 1, 2024)))

    row["eigenaren"] = rnd.choice(OWNERS)
    if rnd.random() < 0.7:
        row["lokaal_eigendom_pct"] = number(rnd, rnd.choice([0, 12.5, 25, 50, 100]), rnd.choice([0, 1]))
    row["participatie"] = rnd.choice(PARTICIPATION)
    if rnd.random() < 0.5:
        row.update(bron="Benchmark (verzonnen)", peildatum=date(rnd, MAX_DATE))
    return [row[c] for c in HEADER]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate.py N OUT.csv")
    n, out = int(sys.argv[1]), sys.argv[2]
    geo = json.load(open(REF / "gemeenten-2024.geojson", encoding="utf-8"))
    municipalities = []
    for f in sorted(geo["features"], key=lambda f: f["id"]):
        ring = f["geometry"]["coordinates"][0]
        centre = (sum(p[1] for p in ring) / len(ring), sum(p[0] for p in ring) / len(ring))
        municipalities.append((f["id"], f["properties"]["statnaam"], centre))
    rnd = random.Random(20300 + n)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for i in range(1, n + 1):
            w.writerow(project(rnd, i, municipalities))


if __name__ == "__main__":
    main()
