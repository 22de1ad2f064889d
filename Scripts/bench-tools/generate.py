#!/usr/bin/env python3
"""Deterministic synthetic facts for the benchmark: N rows of the `facts` columns as CSV.

Shaped like a national Kolada-style export, the scale issue 5 describes:
- 311 organisations (21 regions, 290 municipalities); `report` is one export per
  organisation (`kolada-<slug>`), covering 16 years (2009-2024);
- 3,000 indicators (Swedish names, some with commas, so some cells are quoted), grouped into
  sections and ~300 tables, each with a unit;
- the six kinds (utfall, budget, prognos, avvikelse, mål, värde), a measure naming kind and
  year, a period for forecasts, ranks "of 21" for regions, a source line number;
- values with one decimal, exact, in ranges that suit the unit.

Every (report, indicator, kind) appears at most once per year, so
`compare year 2023 vs 2024 by report, indicator, kind` has no ambiguous keys.
No indicator name contains "vard" or "värd" apart from real "vård" words, so Q4's
`indicator ~ "vård"` (hq folds case and diacritics) and SQL's LIKE '%vård%' count the same rows.
The same N always gives byte-identical output (no randomness, only integer hashing).

Usage: generate.py ROWS OUTPUT.csv
"""
import sys

REGIONS = [
    "Stockholm", "Uppsala", "Sörmland", "Östergötland", "Jönköpings län", "Kronoberg", "Kalmar län",
    "Gotland", "Blekinge", "Skåne", "Halland", "Västra Götaland", "Värmland", "Örebro län",
    "Västmanland", "Dalarna", "Gävleborg", "Västernorrland", "Jämtland Härjedalen", "Västerbotten",
    "Norrbotten",
]
FIRST = ["Al", "Berg", "Bjur", "Ek", "Falk", "Gran", "Hag", "Hjo", "Lin", "Lund", "Mal", "Nor",
         "Ny", "Os", "Sjö", "Stor", "Sund", "Torn", "Ul", "Å", "Älv", "Ör", "Ving", "Kung", "Lidk",
         "Mora", "Sala", "Tran", "Vim"]
LAST = ["by", "köping", "hamn", "ås", "sund", "torp", "ryd", "fors", "näs", "vik"]

AREAS = [
    ("Hälso- och sjukvård", ["Antal vårdplatser", "Besök i primärvården", "Väntetid till operation",
                             "Vårdcentraler med öppet kvällstid", "Kostnad för läkemedel",
                             "Antibiotikarecept", "Återinskrivningar inom 30 dagar",
                             "Patienter nöjda med vården", "Sjukvårdskostnad, netto",
                             "Besök på akutmottagning"]),
    ("Utbildning", ["Elever med gymnasieexamen", "Behöriga lärare", "Elever i fristående skola",
                    "Kostnad per elev, grundskola", "Meritpoäng årskurs 9", "Elever som når målen"]),
    ("Omsorg", ["Brukare i hemtjänst", "Platser i särskilt boende", "Kostnad för äldreomsorg",
                "Personalkontinuitet i hemtjänsten", "Väntetid till särskilt boende"]),
    ("Ekonomi", ["Årets resultat", "Soliditet", "Nettokostnad", "Skattesats", "Investeringar",
                 "Låneskuld, koncern", "Pensionsskuld"]),
    ("Miljö och klimat", ["Utsläpp av växthusgaser", "Hushållsavfall", "Förnybar energi",
                          "Energianvändning i lokaler", "Ekologiska livsmedel"]),
    ("Kollektivtrafik", ["Resor med kollektivtrafik", "Kostnad per resa", "Nöjda resenärer",
                         "Turer i tid"]),
    ("Personal", ["Sjukfrånvaro", "Medarbetare", "Andel heltider", "Personalomsättning",
                  "Chefer per medarbetare"]),
    ("Kultur och fritid", ["Besök på bibliotek", "Kulturskolans elever", "Föreningsbidrag",
                           "Besök i simhallar"]),
]
QUALIFIERS = ["", "per 1000 invånare", "kvinnor", "män", "0–17 år", "18–64 år", "65 år och äldre",
              "80 år och äldre", "i tätort", "på landsbygden", "utrikes födda", "inrikes födda",
              "i egen regi", "i extern regi", "totalt", "genomsnitt", "median", "andel av totalt",
              "förändring mot föregående år", "per invånare", "jämfört med riket", "justerat",
              "ojusterat", "helår", "första tertialet", "andra tertialet", "per vecka",
              "per månad", "arbetsdagar", "helger", "under 2 år", "över 5 år", "med funktionsnedsättning",
              "utan funktionsnedsättning", "i norra länsdelen", "i södra länsdelen", "kommunal",
              "regional", "privat", "ideell", "enligt plan", "utanför plan", "akut", "planerad",
              "öppen", "sluten", "digital", "fysisk", "per anställd", "per elev", "per brukare",
              "per resa", "per patient", "per besök", "per km", "per kWh", "per ton", "per kvm",
              "per timme", "per dag", "procent", "antal", "kronor"]
UNITS = ["st", "%", "kr/inv", "mnkr", "dagar", "per 1000 inv", "kr", "ton", "kWh/m2", "timmar"]
KINDS = [("utfall", "Utfall"), ("budget", "Budget"), ("prognos", "Prognos"),
         ("avvikelse", "Avvikelse"), ("mål", "Målvärde"), ("värde", "Värde")]
YEARS = list(range(2009, 2025))
COMBOS_PER_ORG = 3000 * len(KINDS)


def csv_cell(text):
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def slug(name):
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o", " ": "-"})
    return name.lower().translate(table)


def organisations():
    orgs = [("Region " + r, True) for r in REGIONS]
    # 29 first parts x 10 endings = the 290 municipalities.
    for last in LAST:
        for first in FIRST:
            orgs.append((first + last + " kommun", False))
    assert len(orgs) == 311
    return orgs


def indicators():
    """3,000 (section, table, indicator, unit) tuples, as CSV-ready cells."""
    result = []
    k = 0
    while len(result) < 3000:
        area, bases = AREAS[k % len(AREAS)]
        base = bases[(k // len(AREAS)) % len(bases)]
        qualifier = QUALIFIERS[(k // (len(AREAS) * 5)) % len(QUALIFIERS)]
        name = base + (", " + qualifier if qualifier else "")
        table = "%s – nyckeltal %d" % (area, k % 37)
        unit = UNITS[(k * 7) % len(UNITS)]
        result.append((csv_cell(area), csv_cell(table), csv_cell(name), unit))
        k += 1
    names = [r[2] for r in result]
    # Distinct names: add a running number where a combination repeats.
    seen = {}
    unique = []
    for (area, table, name, unit) in result:
        n = seen.get(name, 0)
        seen[name] = n + 1
        if n:
            name = csv_cell(name.strip('"').replace('""', '"') + " (%d)" % (n + 1))
        unique.append((area, table, name, unit))
    assert len(set(r[2] for r in unique)) == len(names)
    return unique


def mix(x):
    x = (x ^ (x >> 16)) * 0x45D9F3B & 0xFFFFFFFF
    x = (x ^ (x >> 16)) * 0x45D9F3B & 0xFFFFFFFF
    return x ^ (x >> 16)


def main():
    rows = int(sys.argv[1])
    out_path = sys.argv[2]
    orgs = organisations()
    inds = indicators()
    per_org_year = -(-rows // (len(orgs) * len(YEARS)))
    assert per_org_year <= COMBOS_PER_ORG, "too many rows for the combination space"
    stride = 7919  # coprime with 18000, so j -> combo is one-to-one per organisation
    written = 0
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        out.write("report,section,table,indicator,measure,kind,period,year,value,unit,rank,rank_of,line\n")
        buffer = []
        for o, (org, is_region) in enumerate(orgs):
            report = "kolada-" + slug(org)
            for year in YEARS:
                if written >= rows:
                    break
                count = min(per_org_year, rows - written)
                trend = 100 + 3 * (year - 2009)
                for j in range(count):
                    combo = (j * stride + o * 131) % COMBOS_PER_ORG
                    ind = combo // len(KINDS)
                    kind, word = KINDS[combo % len(KINDS)]
                    area, table, name, unit = inds[ind]
                    h = mix(o * 1_000_003 + combo)
                    base = h % 50_000 - (5_000 if unit == "mnkr" else 0)
                    noise = mix(h + year) % 200 - 100
                    value = (base * trend) // 100 + noise
                    if unit == "%":
                        value = value % 1000
                    sign = "-" if value < 0 else ""
                    value = abs(value)
                    rank = ""
                    rank_of = ""
                    if is_region:
                        rank = str(1 + mix(h + year * 7) % 21)
                        rank_of = "21"
                    period = "jan–aug" if kind == "prognos" else ""
                    buffer.append("%s,%s,%s,%s,%s %d,%s,%s,%d,%s%d.%d,%s,%s,%s,%d\n" % (
                        report, area, table, name, word, year, kind, period, year, sign,
                        value // 10, value % 10, unit, rank, rank_of, 1 + (h % 4000)))
                written += count
                if len(buffer) > 50_000:
                    out.write("".join(buffer))
                    buffer.clear()
        out.write("".join(buffer))


if __name__ == "__main__":
    main()
