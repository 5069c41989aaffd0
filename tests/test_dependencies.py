"""The locked dependencies: they cover what pyproject declares, CI installs them, and none has a known vulnerability."""
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / ".ci" / "audit.py"
sys.path.insert(0, str(AUDIT.parent))
from audit import locked, normalise  # noqa: E402

LOCK = locked(ROOT / "requirements.lock")


def _declared() -> list[Requirement]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_lock_pins_every_declared_dependency_within_its_range():
    for req in _declared():
        assert normalise(req.name) in LOCK, f"{req.name} is not in requirements.lock: run .ci/lock"
        assert req.specifier.contains(LOCK[normalise(req.name)]), f"{req.name}=={LOCK[normalise(req.name)]} breaks {req}"


def test_the_environment_runs_the_locked_versions():
    if os.environ.get("CI") != "true":
        pytest.skip("only CI's environment is installed from the lock (.ci/run)")
    wrong = {name: (metadata.version(name), version) for name, version in LOCK.items()
             if metadata.version(name) != version}
    assert not wrong, f"installed vs locked: {wrong}"


def test_locked_dependencies_have_no_known_vulnerability(tmp_path):
    out = tmp_path / "audit.json"
    proc = subprocess.run([sys.executable, str(AUDIT), "--json", str(out)], capture_output=True, text=True, timeout=600)
    if proc.returncode == 2:
        if os.environ.get("CI") == "true":
            pytest.fail(proc.stderr)
        pytest.skip(proc.stderr.strip())
    assert proc.returncode == 0, proc.stdout
    report = json.loads(out.read_text())
    checked = [n for n, r in report.items() if r["status"] == "checked"]
    assert len(checked) >= 0.8 * len(LOCK), f"too few packages could be checked; refresh the lock: {proc.stdout}"


class _FakeIndex(BaseHTTPRequestHandler):
    """PyPI's project JSON for two packages, one with a vulnerability in its latest release."""

    PROJECTS = {
        "safe": {"info": {"version": "1.0"}, "vulnerabilities": []},
        "leaky": {"info": {"version": "2.0"}, "vulnerabilities": [
            {"id": "PYSEC-0000-1", "aliases": ["CVE-0000-1"], "fixed_in": ["2.1"], "withdrawn": None},
            {"id": "PYSEC-0000-2", "aliases": [], "fixed_in": [], "withdrawn": "2020-01-01"}]},
    }

    def do_GET(self):
        name = self.path.strip("/").split("/")[0]
        body = json.dumps(self.PROJECTS[name]).encode() if self.path.count("/") == 2 and name in self.PROJECTS else None
        self.send_response(200 if body else 404)
        self.end_headers()
        self.wfile.write(body or b"{}")

    def log_message(self, *args):
        pass


def test_audit_reports_a_vulnerable_pin_and_ignores_withdrawn_records(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeIndex)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        lock = tmp_path / "lock"
        lock.write_text("safe==1.0\nleaky==2.0\nold==0.1\n")
        index = f"http://127.0.0.1:{server.server_address[1]}"
        proc = subprocess.run([sys.executable, str(AUDIT), "--lock", str(lock), "--index", index],
                              capture_output=True, text=True, timeout=60)
    finally:
        server.shutdown()
    assert proc.returncode == 1
    assert "leaky 2.0: PYSEC-0000-1 (CVE-0000-1); fixed in 2.1" in proc.stdout
    assert "PYSEC-0000-2" not in proc.stdout
    assert "old 0.1: not checked: not on PyPI" in proc.stdout
    assert "audited 2 of 3 locked packages: 1 known vulnerabilities" in proc.stdout


def test_the_rule_files_read_the_same_with_libyaml_as_with_pure_python():
    """The YAML rule files are read with libyaml's parser (fast start-up); it must give exactly what
    PyYAML's own safe parser gives."""
    from importlib import resources

    import yaml

    from graph.data import load_yaml

    names = sorted(p.name for p in resources.files("graph.data").iterdir() if p.name.endswith(".yaml"))
    assert len(names) >= 4
    for name in names:
        text = resources.files("graph.data").joinpath(name).read_text(encoding="utf-8")
        assert load_yaml(name) == yaml.load(text, Loader=yaml.SafeLoader), name
