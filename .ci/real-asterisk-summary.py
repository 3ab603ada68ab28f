#!/usr/bin/env python3
"""Counts the real-Asterisk tests of a CI run and fails when Asterisk is installed and any of them skipped.

Opt-in benches of the suite (skip reason beginning "Opt-in bench:", e.g. the several-node soak) are listed, not counted.

The real-Asterisk tests are every test of tests/CtiBridge.Integration.Tests (read from its TRX results) and the
toolbar's browser softphone test on a real Asterisk (its output: a "passed: …", "skipped: …" or "FAILED" line).
"Installed" is found the way the tests find it: CTI_ASTERISK_BIN, else asterisk on PATH, else /usr/sbin or
/usr/local/sbin.
usage: real-asterisk-summary.py <integration TestResults dir> <browser test output file>
It also lists every failed test of every suite (tests/*/TestResults), so the end of the log names them.
"""
import glob
import os
import shutil
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
# The skip reason of an opt-in bench in the suite (NodeSoakFactAttribute.OptIn): not run unless asked for, never in CI.
OPT_IN = "Opt-in bench:"


def asterisk_installed():
    env = os.environ.get("CTI_ASTERISK_BIN")
    if env:
        return os.path.isfile(env)
    return bool(shutil.which("asterisk")) or any(
        os.path.isfile(p) for p in ("/usr/sbin/asterisk", "/usr/local/sbin/asterisk"))


def integration_results(results_dir):
    counts = {"ran": 0, "passed": 0, "failed": 0, "skipped": 0, "opt-in": 0}
    reasons = {}
    files = glob.glob(os.path.join(results_dir, "*.trx"))
    for trx in files:
        root = ET.parse(trx).getroot()
        for r in root.iterfind(".//t:Results/t:UnitTestResult", NS):
            outcome = r.get("outcome")
            if outcome == "NotExecuted":
                message = r.find("t:Output/t:ErrorInfo/t:Message", NS)
                stdout = r.find("t:Output/t:StdOut", NS)
                why = (message.text if message is not None else stdout.text if stdout is not None else "") or "no reason given"
                # An opt-in bench (the soak) is not a check CI runs: listed, not counted as a skipped test.
                counts["opt-in" if why.strip().startswith(OPT_IN) else "skipped"] += 1
                reasons[why.strip()] = reasons.get(why.strip(), 0) + 1
            else:
                counts["ran"] += 1
                counts["passed" if outcome == "Passed" else "failed"] += 1
    return files, counts, reasons


def failed_tests(results_root):
    """Every failed test of every suite, with the first lines of its message: the end of the CI log names them."""
    failures = []
    for trx in sorted(glob.glob(os.path.join(results_root, "*", "TestResults", "*.trx"))):
        suite = trx.split(os.sep)[-3]
        root = ET.parse(trx).getroot()
        for r in root.iterfind(".//t:Results/t:UnitTestResult", NS):
            if r.get("outcome") == "Failed":
                message = r.find("t:Output/t:ErrorInfo/t:Message", NS)
                text = (message.text or "").strip() if message is not None else ""
                failures.append((suite, r.get("testName"), "\n      ".join(text.splitlines()[:6])))
    return failures


def browser_result(path):
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except FileNotFoundError:
        return "not run", ""
    for line in lines:
        if line.startswith("skipped:"):
            return "skipped", line[len("skipped:"):].strip()
    if any("passed:" in line for line in lines):
        return "passed", ""
    return ("failed" if lines else "not run"), ""


def main():
    results_dir, browser_log = sys.argv[1], sys.argv[2]
    files, c, reasons = integration_results(results_dir)
    browser, browser_why = browser_result(browser_log)
    ran = c["ran"] + (1 if browser in ("passed", "failed") else 0)
    skipped = c["skipped"] + (1 if browser in ("skipped", "not run") else 0)
    print(f"real-Asterisk tests: {ran} ran ({c['passed'] + (browser == 'passed')} passed, "
          f"{c['failed'] + (browser == 'failed')} failed), {skipped} skipped")
    print(f"  CtiBridge.Integration.Tests: {c['ran']} ran, {c['skipped']} skipped, {c['opt-in']} opt-in benches not asked for"
          + ("" if files else " (no results found: the suite did not run)"))
    for why, n in reasons.items():
        print(f"    {'opt-in, not run' if why.startswith(OPT_IN) else 'skipped'} {n}: {why}")
    print(f"  toolbar softphone on real Asterisk: {browser}" + (f" ({browser_why})" if browser_why else ""))
    failures = failed_tests(os.path.dirname(os.path.dirname(os.path.normpath(results_dir))))
    if failures:
        print(f"failed .NET tests: {len(failures)}")
        for suite, name, message in failures:
            print(f"  {suite}: {name}\n      {message}")
    installed = asterisk_installed()
    if installed and (skipped > 0 or not files):
        print("real-Asterisk suite: FAILED: Asterisk is installed here, so no real-Asterisk test may be skipped")
        return 1
    if not installed:
        print("real-Asterisk suite: Asterisk is not installed here, so those tests were skipped (see docs/asterisk.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
