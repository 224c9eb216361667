#!/usr/bin/env python3
"""Count the test cases in a meson test log and print "N passed, N failed".

TAP programs count each case ("ok", "not ok"; "# SKIP" cases count as
skipped); other tests count once by their result. Exits 1 when any failed.
"""

import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")


def count(log_path):
    passed = failed = skipped = 0
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            test = json.loads(line)
            cases = [TAP_LINE.match(l) for l in test.get("stdout", "").splitlines()]
            cases = [c for c in cases if c]
            # meson's log does not name the protocol: a TAP program is one
            # whose output has "ok" or "not ok" lines.
            if not cases:
                if test["result"] in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif test["result"] == "SKIP":
                    skipped += 1
                else:
                    failed += 1
                continue
            for case in cases:
                if "# SKIP" in case.group(2):
                    skipped += 1
                elif case.group(1) == "ok":
                    passed += 1
                else:
                    failed += 1
            if test["result"] not in ("OK", "SKIP", "EXPECTEDFAIL") and all(
                    c.group(1) == "ok" for c in cases):
                # The program crashed or timed out after its last case.
                failed += 1
    return passed, failed, skipped


def main():
    passed, failed, skipped = count(sys.argv[1])
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
