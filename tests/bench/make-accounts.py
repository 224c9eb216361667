#!/usr/bin/env python3
"""Write a deterministic accounts file with every model field, for benchmarks.

Usage: make-accounts.py ROWS OUTPUT.csv

The same ROWS always give the same bytes. ARR is heavy-tailed (a Pareto tail
over a floor), and the other fields follow it loosely, as in real exports.
"""

import random
import sys

HEADER = (
    "Account ID,Account Name,ARR,Licensed Seats,Seats Used,DAU,MAU,Features Used,"
    "Features Available,CSAT,Open Escalations,Exec Sponsor,Champion,NPS,Feature Requests,"
    "Headcount Growth,Teams,API Calls,API Calls Prev,CSM,Renewal Date,Segment"
)

OWNERS = [f"CSM {i:03d}" for i in range(1, 201)]
WORDS = ["North", "Blue", "Granite", "Harbor", "Cedar", "Summit", "Pioneer", "Lumen",
         "Atlas", "Vertex", "Orchid", "Copper", "Silver", "Maple", "Falcon", "Delta"]
KINDS = ["Logistics", "Health", "Analytics", "Foods", "Labs", "Systems", "Media",
         "Dental", "Robotics", "Energy", "Retail", "Software"]


def row(rng, i):
    arr = int(2000 * (1.0 / (1.0 - rng.random())) ** 0.9)
    arr = min(arr, 5_000_000)
    seats = max(1, arr // rng.randint(600, 1200))
    used = max(0, int(seats * rng.uniform(0.3, 1.0)))
    mau = max(1, int(used * rng.uniform(0.5, 1.0)))
    dau = int(mau * rng.uniform(0.1, 0.7))
    available = 30
    features = rng.randint(3, available)
    csat = round(rng.uniform(1.5, 5.0), 1)
    escalations = rng.choice((0, 0, 0, 0, 1, 2, 3))
    sponsor = "Yes" if rng.random() < min(0.9, arr / 300000) else "No"
    champion = "Yes" if rng.random() < 0.6 else "No"
    nps = rng.randint(-60, 90)
    requests = rng.randint(0, 8)
    growth = round(rng.uniform(-5, 30), 1)
    teams = rng.randint(1, 12)
    prev = rng.randint(0, 200000)
    calls = int(prev * rng.uniform(0.5, 2.2))
    name = f"{rng.choice(WORDS)} {rng.choice(KINDS)} {i}"
    month = 1 + i % 12
    day = 1 + i % 28
    tier = 1 if arr >= 250000 else 2 if arr >= 50000 else 3 if arr >= 10000 else 4
    return (f"ACC-{i:07d},{name},{arr},{seats},{used},{dau},{mau},{features},{available},"
            f"{csat},{escalations},{sponsor},{champion},{nps},{requests},{growth},{teams},"
            f"{calls},{prev},{OWNERS[i % len(OWNERS)]},2027-{month:02d}-{day:02d},Tier {tier}")


def main():
    rows = int(sys.argv[1])
    rng = random.Random(20261204)
    with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER + "\n")
        for i in range(1, rows + 1):
            out.write(row(rng, i) + "\n")


if __name__ == "__main__":
    main()
