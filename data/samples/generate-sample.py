#!/usr/bin/env python3
"""Generate the bundled sample of customer accounts, data/samples/accounts.csv.

The accounts are invented. Each one gets a hidden health factor between 0 and 1
that drives its usage, adoption, CSAT, escalations, relationship and NPS, so a
healthy account looks healthy across all of its signals. ARR follows a
log-normal distribution, and seats, teams, API calls and the chance of an
executive sponsor grow with it.

The output is the same on every run: the generator draws only from
random.Random.random() with a fixed seed, the one method whose sequence Python
promises to keep across versions, and derives every other draw from it.

Usage: generate-sample.py [OUTPUT]   (default: accounts.csv beside this script)
"""

import csv
import datetime
import math
import os
import random
import statistics
import sys

SEED = 20261204
ACCOUNT_COUNT = 200
FIRST_ACCOUNT_NUMBER = 1001

# Log-normal ARR with this median and log-scale spread (sigma). A sigma of 1.36
# puts about half of all ARR in the top 10 % of accounts.
ARR_MEDIAN = 26000
ARR_SIGMA = 1.36
ARR_MIN = 2000
ARR_MAX = 1500000

# Default tier bounds of the segmentation model: tier 1 >= T1, tier 2 >= T2,
# tier 3 >= T3, otherwise tier 4.
TIER_BOUNDS = (250000, 50000, 10000)

RENEWAL_FIRST = datetime.date(2026, 12, 10)
RENEWAL_LAST = datetime.date(2027, 12, 31)

HEADER = [
    "Account ID", "Account Name", "ARR", "Licensed Seats", "Seats Used",
    "DAU", "MAU", "Features Used", "Features Available", "CSAT",
    "Open Escalations", "Exec Sponsor", "Champion", "NPS", "Feature Requests",
    "Headcount Growth", "Teams", "API Calls", "API Calls Prev", "CSM",
    "Renewal Date", "Segment", "Industry", "Region",
]

INDUSTRIES = [
    "Healthcare", "Logistics", "Fintech", "Retail", "Manufacturing",
    "Education", "Media", "Software",
]

# Region weights: most accounts are in North America and EMEA.
REGIONS = [("NA", 0.45), ("EMEA", 0.30), ("APAC", 0.15), ("LATAM", 0.10)]

# Three senior CSMs own most large accounts, two mid-level CSMs share the
# growth tier, and three newer CSMs carry the smaller accounts.
SENIOR_CSMS = ["Marisol Vance", "Teodor Lindqvist", "Amara Okonjo"]
MID_CSMS = ["Jonah Whitfield", "Keiko Tanabe"]
JUNIOR_CSMS = ["Rafael Quintero", "Sigrid Holloway", "Nadia Farrell"]

NAME_STEMS = [
    "Alderbrook", "Ashgrove", "Bellwether", "Birchline", "Bramblecote",
    "Brightwater", "Caldera", "Cinderfield", "Clearbrook", "Cobalt Ridge",
    "Copperleaf", "Corvid", "Driftwood", "Duskmere", "Elmstead", "Emberly",
    "Fairhollow", "Fenwick", "Foxglove", "Galloway", "Glasswing", "Goldcrest",
    "Granite Bay", "Greyhaven", "Halcyon", "Harrowgate", "Hollis", "Ironbark",
    "Juniper", "Kestrel Point", "Lanternfish", "Larkspur", "Lindenfeld",
    "Lodestar", "Marrowgate", "Meadowlark", "Millbrook", "Moonrake",
    "Northfold", "Oakhurst", "Orchard Row", "Osprey Vale", "Palisade",
    "Pebblestone", "Pinecrest", "Quarry Hill", "Quillmont", "Ravensworth",
    "Redfern", "Rookwood", "Saltmarsh", "Sandpiper", "Silverbirch",
    "Skylark", "Sorrelwood", "Stonebridge", "Tallowick", "Thistledown",
    "Tidewater", "Umberfield", "Vega", "Verdance", "Wexford Lane",
    "Whitlock", "Willowmere", "Wrenfield", "Yarrowby", "Zephyr Hollow",
]

# Second stems for "X & Y" names.
PARTNER_STEMS = [
    "Pine", "Finch", "Oak", "Hale", "Marsh", "Reed", "Stone", "Vale", "Crane",
    "Lowe", "Ash", "Birch",
]

INDUSTRY_WORDS = {
    "Healthcare": ["Health", "Clinics", "Medical Group", "Care Partners", "Diagnostics"],
    "Logistics": ["Logistics", "Freight", "Shipping", "Distribution", "Cargo"],
    "Fintech": ["Capital", "Payments", "Ledger", "Financial", "Lending"],
    "Retail": ["Outfitters", "Market", "Goods", "Supply Co.", "Home"],
    "Manufacturing": ["Fabrication", "Industries", "Tooling", "Components", "Works"],
    "Education": ["Learning", "Academy", "Schools", "Education Group", "Tutoring"],
    "Media": ["Media", "Studios", "Broadcasting", "Publishing", "Creative"],
    "Software": ["Systems", "Labs", "Software", "Analytics", "Cloud"],
}

# Legal forms: most names have none, some get one after a comma so that the
# CSV writer has to quote them.
LEGAL_FORMS = [("", 0.70), (", Inc.", 0.12), (", LLC", 0.08), (" Ltd", 0.05), (" Corp.", 0.05)]

# A few names with non-ASCII letters, so that UTF-8 decoding is exercised.
ACCENTED_NAMES = {
    "EMEA": ["Økovik Handel AS", "Brüder Lenz Fertigung GmbH", "Société Lumière Médias"],
    "LATAM": ["Café Ribeira Distribuição, Lda.", "Logística Andina S.A."],
}


class Draws:
    """Random draws built only on random.Random.random(), for stable output."""

    def __init__(self, seed):
        self._rng = random.Random(seed)
        self._normal = statistics.NormalDist()

    def uniform(self, low=0.0, high=1.0):
        return low + (high - low) * self._rng.random()

    def below(self, count):
        """Return an integer in [0, count)."""
        return min(int(self._rng.random() * count), count - 1)

    def between(self, low, high):
        """Return an integer in [low, high]."""
        return low + self.below(high - low + 1)

    def chance(self, probability):
        return self._rng.random() < probability

    def normal(self, mean=0.0, sigma=1.0):
        u = self._rng.random()
        u = min(max(u, 1e-12), 1.0 - 1e-12)
        return mean + sigma * self._normal.inv_cdf(u)

    def pick(self, items):
        return items[self.below(len(items))]

    def pick_weighted(self, weighted_items):
        u = self._rng.random() * sum(weight for _, weight in weighted_items)
        for item, weight in weighted_items:
            if u < weight:
                return item
            u -= weight
        return weighted_items[-1][0]

    def shuffle(self, items):
        """Shuffle items in place (Fisher-Yates)."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]

    def sample_indices(self, count, size):
        indices = list(range(count))
        self.shuffle(indices)
        return sorted(indices[:size])

    def kumaraswamy(self, a, b):
        """Return a Kumaraswamy(a, b) draw on [0, 1], a one-uniform stand-in for Beta(a, b)."""
        u = self.uniform(1e-9, 1.0 - 1e-9)
        return (1.0 - (1.0 - u) ** (1.0 / b)) ** (1.0 / a)


def clamp(value, low, high):
    return max(low, min(high, value))


def round_half_away(value):
    return math.floor(value + 0.5) if value >= 0 else -math.floor(-value + 0.5)


def round_arr(value):
    """Round ARR to the steps that contracts are usually priced in."""
    if value < 10000:
        step = 50
    elif value < 100000:
        step = 100
    else:
        step = 500
    return int(round_half_away(value / step) * step)


def tier_of(arr):
    for index, bound in enumerate(TIER_BOUNDS):
        if arr >= bound:
            return index + 1
    return 4


def make_arr_values(draws):
    """Return ACCOUNT_COUNT ARR values from evenly spaced log-normal quantiles.

    Quantiles instead of free draws keep the top-10 % share close to its
    expected value, and a small jitter keeps the values from looking regular.
    """
    normal = statistics.NormalDist()
    values = []
    for i in range(ACCOUNT_COUNT):
        z = normal.inv_cdf((i + 0.5) / ACCOUNT_COUNT)
        jitter = draws.normal(0.0, 0.06)
        raw = ARR_MEDIAN * math.exp(ARR_SIGMA * z + jitter)
        values.append(round_arr(clamp(raw, ARR_MIN, ARR_MAX)))
    draws.shuffle(values)
    return values


def size_factor(arr):
    """Map ARR onto 0..1 on a log scale between ARR_MIN and ARR_MAX."""
    return clamp(math.log(arr / ARR_MIN) / math.log(ARR_MAX / ARR_MIN), 0.0, 1.0)


def make_name(draws, industry, region, used):
    if region in ACCENTED_NAMES and draws.chance(0.12):
        for name in ACCENTED_NAMES[region]:
            if name not in used:
                return name
    for _ in range(1000):
        stem = draws.pick(NAME_STEMS)
        if draws.chance(0.12):
            stem = stem.split(" ")[0] + " & " + draws.pick(PARTNER_STEMS)
        name = stem + " " + draws.pick(INDUSTRY_WORDS[industry])
        name += draws.pick_weighted(LEGAL_FORMS)
        if name not in used:
            return name
    raise RuntimeError("no unused account name left; add more entries to NAME_STEMS")


def format_decimal(value):
    """Format with one decimal, dropping a trailing .0 (12.5, -3)."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def make_account(draws, arr, health, industry, region, name):
    """Return one account as a dict of cell values plus hidden fields."""
    size = size_factor(arr)

    seat_price = draws.uniform(600, 1200)
    seats_licensed = max(3, round_half_away(arr / seat_price))
    if seats_licensed > 60:
        seats_licensed = int(round_half_away(seats_licensed / 5) * 5)

    utilization = 0.38 + 0.48 * health + draws.normal(0.0, 0.09)
    if draws.chance(0.05):
        utilization = draws.uniform(0.12, 0.35)
    utilization = clamp(utilization, 0.12, 1.0)
    seats_used = clamp(round_half_away(seats_licensed * utilization), 2, seats_licensed)

    mau = clamp(round_half_away(seats_used * draws.uniform(0.65, 1.0)), 2, seats_used)
    stickiness = clamp(0.1 + 0.5 * health + draws.normal(0.0, 0.07), 0.1, 0.7)
    dau = clamp(round_half_away(mau * stickiness), math.ceil(0.1 * mau), math.floor(0.7 * mau))

    features_available = 30 if arr >= 25000 else 20
    adoption = clamp(0.15 + 0.75 * health + draws.normal(0.0, 0.1), 0.05, 1.0)
    features_used = clamp(round_half_away(features_available * adoption), 1, features_available)

    csat_ratio = clamp(0.4 + 0.6 * health + draws.normal(0.0, 0.08), 0.0, 1.0)
    csat = round_half_away(10 * (1.0 + 4.0 * csat_ratio)) / 10

    escalation_chance = 0.04 + 0.55 * (1.0 - health) ** 2 + 0.1 * size
    escalations = 0
    if draws.chance(escalation_chance):
        escalations = draws.pick([1, 1, 1, 2, 2, 3])

    exec_sponsor = draws.chance(clamp(0.05 + 0.8 * size ** 1.5 + 0.2 * (health - 0.5), 0.02, 0.97))
    champion = draws.chance(clamp(0.15 + 0.75 * health, 0.05, 0.95))

    nps = int(clamp(round_half_away(-75 + 150 * health + draws.normal(0.0, 14)), -100, 100))

    feature_requests = 0
    request_rate = 0.6 + 2.6 * size
    while feature_requests < 8 and draws.chance(request_rate / (request_rate + 1.0)):
        feature_requests += 1

    growth = clamp(draws.normal(7.0, 11.0), -22.0, 65.0)

    teams = int(clamp(round_half_away(1 + 10.5 * size ** 1.4 + draws.normal(0.0, 0.9)), 1, 12))

    api_prev = max(40, round_half_away(arr * draws.uniform(0.8, 4.0) * (0.5 + health)))
    api_calls = round_half_away(api_prev * math.exp(draws.normal(0.0, 0.18)))
    if draws.chance(0.10):
        api_calls = round_half_away(api_prev * draws.uniform(1.5, 3.2))

    renewal_span = (RENEWAL_LAST - RENEWAL_FIRST).days
    renewal = RENEWAL_FIRST + datetime.timedelta(days=draws.between(0, renewal_span))

    return {
        "Account Name": name,
        "ARR": str(arr),
        "Licensed Seats": str(seats_licensed),
        "Seats Used": str(seats_used),
        "DAU": str(dau),
        "MAU": str(mau),
        "Features Used": str(features_used),
        "Features Available": str(features_available),
        "CSAT": f"{csat:.1f}",
        "Open Escalations": str(escalations),
        "Exec Sponsor": "Yes" if exec_sponsor else "No",
        "Champion": "Yes" if champion else "No",
        "NPS": str(nps),
        "Feature Requests": str(feature_requests),
        "Headcount Growth": format_decimal(growth),
        "Teams": str(teams),
        "API Calls": str(api_calls),
        "API Calls Prev": str(api_prev),
        "Renewal Date": renewal.isoformat(),
        "Industry": industry,
        "Region": region,
        "_arr": arr,
        "_tier": tier_of(arr),
    }


def assign_csm(draws, tier):
    if tier == 1:
        return draws.pick_weighted([(SENIOR_CSMS[0], 0.4), (SENIOR_CSMS[1], 0.35),
                                    (SENIOR_CSMS[2], 0.15), (MID_CSMS[0], 0.1)])
    if tier == 2:
        if draws.chance(0.55):
            return draws.pick(SENIOR_CSMS)
        return draws.pick(MID_CSMS)
    if draws.chance(0.06):
        return draws.pick(SENIOR_CSMS)
    if tier == 3 and draws.chance(0.4):
        return draws.pick(MID_CSMS)
    return draws.pick(JUNIOR_CSMS)


# Cells that an account can miss, grouped by what a CRM export typically lacks
# together. Most gaps remove a whole health component, so the score of that
# account is computed from fewer components. A lone missing CSAT keeps the
# support component, because known escalations still score it.
GAP_KINDS = [
    ["CSAT"],
    ["CSAT", "Open Escalations"],
    ["NPS"],
    ["NPS"],
    ["DAU", "MAU"],
    ["DAU", "MAU"],
    ["Features Used"],
    ["Exec Sponsor", "Champion"],
    ["Headcount Growth"],
    ["API Calls", "API Calls Prev"],
]


def apply_gaps(draws, accounts):
    """Empty one or two groups of signal cells in about 10 % of the accounts."""
    gap_rows = draws.sample_indices(len(accounts), ACCOUNT_COUNT // 10)
    for row in gap_rows:
        kinds = [draws.pick(GAP_KINDS)]
        if draws.chance(0.3):
            kinds.append(draws.pick(GAP_KINDS))
        for kind in kinds:
            for column in kind:
                accounts[row][column] = ""
    return gap_rows


def apply_segments(draws, accounts):
    """Set Segment to the ARR tier, off by one tier for about 8 % of accounts."""
    off_rows = set(draws.sample_indices(len(accounts), round_half_away(0.08 * ACCOUNT_COUNT)))
    for row, account in enumerate(accounts):
        tier = account["_tier"]
        if row in off_rows:
            if tier == 1:
                tier = 2
            elif tier == 4:
                tier = 3
            else:
                tier += draws.pick([-1, 1])
        account["Segment"] = f"Tier {tier}"
    return sorted(off_rows)


def apply_api_resets(draws, accounts):
    """Give two accounts a previous period without API calls (a new integration)."""
    candidates = [row for row, account in enumerate(accounts) if account["API Calls"] != ""]
    for index in draws.sample_indices(len(candidates), 2):
        accounts[candidates[index]]["API Calls Prev"] = "0"


def number(account, column):
    text = account[column]
    return None if text == "" else float(text)


def estimate_health(account):
    """Compute (score, partial) by the default health weights of Tierline.

    The score is 0-100, or None without any component data. Partial is True
    when at least one component has no data.

    Usage 30 (DAU/MAU, full at 0.5), adoption 20, support 20 (CSAT on 1-5,
    minus 25 % per open escalation), relationship 15 (exec sponsor and
    champion), NPS 15. Components without data are left out of the maximum.
    """
    earned = 0.0
    maximum = 0.0

    dau, mau = number(account, "DAU"), number(account, "MAU")
    if dau is not None and mau is not None and mau > 0:
        earned += 30 * min((dau / mau) / 0.5, 1.0)
        maximum += 30

    used, available = number(account, "Features Used"), number(account, "Features Available")
    if used is not None and available is not None and available > 0:
        earned += 20 * min(used / available, 1.0)
        maximum += 20

    csat, escalations = number(account, "CSAT"), number(account, "Open Escalations")
    if csat is not None or escalations is not None:
        ratio = (csat - 1.0) / 4.0 if csat is not None else 1.0
        penalty = max(0.0, 1.0 - 0.25 * escalations) if escalations is not None else 1.0
        earned += 20 * ratio * penalty
        maximum += 20

    flags = [account[column] for column in ("Exec Sponsor", "Champion") if account[column]]
    if flags:
        earned += 15 * sum(1 for flag in flags if flag == "Yes") / len(flags)
        maximum += 15

    nps = number(account, "NPS")
    if nps is not None:
        earned += 15 * (nps + 100.0) / 200.0
        maximum += 15

    if maximum == 0:
        return None, True
    return round_half_away(100.0 * earned / maximum), maximum < 100


def count_expansion_signals(account):
    fired = 0
    used, licensed = number(account, "Seats Used"), number(account, "Licensed Seats")
    if used is not None and licensed:
        fired += used / licensed > 0.80
    requests = number(account, "Feature Requests")
    fired += requests is not None and requests >= 3
    growth = number(account, "Headcount Growth")
    fired += growth is not None and growth >= 10
    teams = number(account, "Teams")
    fired += teams is not None and teams >= 2
    calls, previous = number(account, "API Calls"), number(account, "API Calls Prev")
    if calls is not None and previous is not None:
        fired += (calls >= 1.5 * previous) if previous > 0 else calls > 0
    return fired


def build_accounts():
    draws = Draws(SEED)
    arr_values = make_arr_values(draws)

    accounts = []
    used_names = set()
    for arr in arr_values:
        health = draws.kumaraswamy(1.5, 1.25)
        industry = draws.pick(INDUSTRIES)
        region = draws.pick_weighted(REGIONS)
        name = make_name(draws, industry, region, used_names)
        used_names.add(name)
        account = make_account(draws, arr, health, industry, region, name)
        account["CSM"] = assign_csm(draws, account["_tier"])
        accounts.append(account)

    for row, account in enumerate(accounts):
        account["Account ID"] = f"ACC-{FIRST_ACCOUNT_NUMBER + row}"

    gap_rows = apply_gaps(draws, accounts)
    apply_api_resets(draws, accounts)
    off_rows = apply_segments(draws, accounts)

    # Two accounts lose their ARR cell entirely; the other cells stay.
    for row in draws.sample_indices(len(accounts), 2):
        accounts[row]["ARR"] = ""

    return accounts, gap_rows, off_rows


def top_decile_share(accounts):
    values = sorted((account["_arr"] for account in accounts if account["ARR"]), reverse=True)
    top_count = round_half_away(len(values) / 10)
    return sum(values[:top_count]) / sum(values), top_count, len(values)


def write_csv(path, accounts):
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(HEADER)
        for account in accounts:
            writer.writerow([account[column] for column in HEADER])


def print_statistics(accounts, gap_rows, off_rows):
    share, top_count, priced = top_decile_share(accounts)
    print(f"accounts: {len(accounts)}, with ARR: {priced}, without ARR: {len(accounts) - priced}")
    print(f"top 10 % of accounts ({top_count}) hold {100 * share:.1f} % of ARR")

    tiers = [0, 0, 0, 0]
    for account in accounts:
        if account["ARR"]:
            tiers[account["_tier"] - 1] += 1
    print("accounts per ARR tier (1-4): " + ", ".join(str(count) for count in tiers))

    bands = {"80-100": 0, "60-79": 0, "40-59": 0, "0-39": 0}
    partial = 0
    for account in accounts:
        score, is_partial = estimate_health(account)
        partial += is_partial
        if score is None:
            continue
        if score >= 80:
            bands["80-100"] += 1
        elif score >= 60:
            bands["60-79"] += 1
        elif score >= 40:
            bands["40-59"] += 1
        else:
            bands["0-39"] += 1
    print("health score per band: " + ", ".join(f"{band}: {count}" for band, count in bands.items()))
    print(f"accounts with empty signal cells: {len(gap_rows)}, with a partial health score: {partial}")

    levels = {"HIGH": 0, "MEDIUM": 0, "LOW": 0}
    for account in accounts:
        fired = count_expansion_signals(account)
        levels["HIGH" if fired >= 3 else "MEDIUM" if fired >= 1 else "LOW"] += 1
    print("expansion potential: " + ", ".join(f"{level}: {count}" for level, count in levels.items()))

    print(f"accounts whose Segment differs from their ARR tier: {len(off_rows)}")
    soon = RENEWAL_FIRST + datetime.timedelta(days=90)
    renewing = sum(1 for account in accounts if account["Renewal Date"] < soon.isoformat())
    print(f"renewals before {soon.isoformat()}: {renewing}")
    return share, bands


def main():
    script_dir = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(script_dir, "accounts.csv")

    accounts, gap_rows, off_rows = build_accounts()
    share, bands = print_statistics(accounts, gap_rows, off_rows)

    assert 0.45 <= share <= 0.55, f"top-10 % ARR share {share:.3f} is outside 0.45-0.55"
    for band, count in bands.items():
        assert count >= 10, f"health band {band} has {count} accounts, expected at least 10"

    write_csv(path, accounts)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
