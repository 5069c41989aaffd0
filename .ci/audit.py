#!/usr/bin/env python3
"""Check the locked dependencies (requirements.lock) against PyPI's vulnerability records.

pip-audit asks PyPI for each release's JSON (``/pypi/NAME/VERSION/json``); the index these
machines reach answers only the project JSON (``/pypi/NAME/json``), whose
``vulnerabilities`` are those of the latest release. So this does the same check with
what is reachable: a locked version that is the latest is checked against that list; an
older one is checked through its release JSON when the index answers it, and otherwise
reported as not checked (refresh the lock: ``.ci/lock``).

    python .ci/audit.py [--lock requirements.lock] [--json FILE]

Exit status: 0 when no locked package has a known vulnerability, 1 when one has,
2 when PyPI cannot be reached.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

INDEX = "https://pypi.org/pypi"
LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"


def normalise(name: str) -> str:
    """A distribution name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(path: Path) -> dict[str, str]:
    """``{normalised name: version}`` of the ``name==version`` lines of a lock file."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if m:
            out[normalise(m.group(1))] = m.group(2)
        elif line:
            raise SystemExit(f"{path}: cannot read {line!r}: every line must be name==version")
    return out


def _get(url: str) -> dict | None:
    """The JSON at ``url``; None on 404; raises OSError when the index cannot be reached."""
    for attempt in range(3):
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                return json.load(r)
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            if attempt == 2:
                raise
        except OSError:
            if attempt == 2:
                raise
        time.sleep(1 + attempt)
    return None


def audit(name: str, version: str, index: str = INDEX) -> tuple[str, list[dict]]:
    """(``checked`` / ``not checked: why``, known vulnerabilities) of one locked package."""
    project = _get(f"{index}/{name}/json")
    if project is None:
        return "not checked: not on PyPI", []
    if project["info"]["version"] == version:
        vulns = project.get("vulnerabilities") or []
    else:
        release = _get(f"{index}/{name}/{version}/json")
        if release is None:
            return f"not checked: {version} is not the latest ({project['info']['version']})", []
        vulns = release.get("vulnerabilities") or []
    return "checked", [v for v in vulns if not v.get("withdrawn")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lock", type=Path, default=LOCK)
    ap.add_argument("--json", type=Path, help="write the findings here")
    ap.add_argument("--index", default=INDEX, help="PyPI's JSON API (default: %(default)s)")
    args = ap.parse_args(argv)
    pins = locked(args.lock)
    report, found = {}, 0
    try:
        for name, version in sorted(pins.items()):
            status, vulns = audit(name, version, args.index)
            report[name] = {"version": version, "status": status, "vulnerabilities": vulns}
            for v in vulns:
                found += 1
                fixed = ", ".join(v.get("fixed_in") or []) or "no fixed release yet"
                print(f"{name} {version}: {v.get('id')} ({', '.join(v.get('aliases') or [])}); fixed in {fixed}")
    except OSError as exc:
        print(f"cannot reach {args.index}: {exc}; the audit needs PyPI", file=sys.stderr)
        return 2
    checked = sum(r["status"] == "checked" for r in report.values())
    for name, r in sorted(report.items()):
        if r["status"] != "checked":
            print(f"{name} {r['version']}: {r['status']}")
    print(f"audited {checked} of {len(pins)} locked packages: {found} known vulnerabilities")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
