#!/usr/bin/env python3
"""Reference pipelines with pandas, for run-bench.sh.

  pandas-job.py read ACCOUNTS.csv          read the file only
  pandas-job.py job ACCOUNTS.csv OUT.xlsx  read, score and write with XlsxWriter

The job computes tiers, a health score and an expansion level with the
default rules, vectorized, and writes every account with its results and
input columns to one sheet (constant_memory, as a large export needs).
"""

import sys

import numpy as np
import pandas as pd


def score(df):
    arr = df["ARR"]
    df["Tier"] = np.select([arr >= 250000, arr >= 50000, arr >= 10000], [1, 2, 3], 4)
    usage = 30 * np.minimum(df["DAU"] / df["MAU"].replace(0, np.nan) / 0.5, 1)
    adoption = 20 * np.minimum(df["Features Used"] / df["Features Available"], 1)
    support = 20 * (df["CSAT"] - 1) / 4 * np.maximum(0, 1 - 0.25 * df["Open Escalations"])
    relation = 7.5 * (df["Exec Sponsor"] == "Yes") + 7.5 * (df["Champion"] == "Yes")
    nps = 15 * (df["NPS"] + 100) / 200
    df["Health Score"] = ((usage + adoption + support + relation + nps).round()).astype("Int64")
    signals = ((df["Seats Used"] / df["Licensed Seats"] > 0.8).astype(int)
               + (df["Feature Requests"] >= 3) + (df["Headcount Growth"] >= 10)
               + (df["Teams"] >= 2) + (df["API Calls"] >= 1.5 * df["API Calls Prev"]))
    df["Expansion"] = np.select([signals >= 3, signals >= 1], ["HIGH", "MEDIUM"], "LOW")
    return df


def main():
    df = pd.read_csv(sys.argv[2])
    if sys.argv[1] == "read":
        print(len(df))
        return
    df = score(df)
    with pd.ExcelWriter(sys.argv[3], engine="xlsxwriter",
                        engine_kwargs={"options": {"constant_memory": True}}) as writer:
        df.to_excel(writer, sheet_name="Accounts", index=False)
    print(len(df))


if __name__ == "__main__":
    main()
