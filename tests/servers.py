"""Real SPARQL servers on loopback for the integration tests: Oxigraph server, Virtuoso, ckg serve.

Each starts in its own temporary directory on a free port and is stopped afterwards.
Under CI (``CI=true``) a missing server is a failure, elsewhere a skip.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need(program: str) -> str:
    path = shutil.which(program) or (shutil.which(program, path=str(Path(sys.executable).parent)))
    if not path:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{program} is not installed; .ci/run installs it")
        pytest.skip(f"{program} not installed")
    return path


def wait_http(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextmanager
def oxigraph_server(tmp: Path):
    exe = need("oxigraph")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "-l", str(tmp / "oxigraph"), "-b", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/query?query=ASK%7B%7D")
        yield {"query": f"{base}/query", "store": f"{base}/store", "update": f"{base}/update", "env": {}}
    finally:
        _stop(proc)


VIRTUOSO_INI = """[Database]
DatabaseFile={d}/virtuoso.db
ErrorLogFile={d}/virtuoso.log
LockFile={d}/virtuoso.lck
TransactionFile={d}/virtuoso.trx
xa_persistent_file={d}/virtuoso.pxa
Striping=0
TempStorage=TempDatabase
[TempDatabase]
DatabaseFile={d}/virtuoso-temp.db
TransactionFile={d}/virtuoso-temp.trx
[Parameters]
ServerPort=127.0.0.1:{isql}
DisableUnixSocket=1
CheckpointInterval=60
CaseMode=2
DirsAllowed=., {d}
NumberOfBuffers=10000
MaxDirtyBuffers=6000
MaxQueryMem=512M
ThreadsPerQuery=2
[HTTPServer]
ServerPort=127.0.0.1:{http}
ServerThreads=10
MaxClientConnections=10
Charset=UTF-8
[SPARQL]
ResultSetMaxRows=100000
MaxQueryExecutionTime=60
"""


@contextmanager
def virtuoso_server(tmp: Path):
    exe = need("virtuoso-t")
    isql = need("isql-vt")
    d = tmp / "virtuoso"
    d.mkdir()
    isql_port, http_port = free_port(), free_port()
    (d / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=d, isql=isql_port, http=http_port), encoding="utf-8")
    proc = subprocess.Popen([exe, "+foreground", "+configfile", str(d / "virtuoso.ini")], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{http_port}"
        wait_http(f"{base}/sparql?query=ASK%7B%7D", 90)
        subprocess.run([isql, f"127.0.0.1:{isql_port}", "dba", "dba",
                        "EXEC=DB.DBA.USER_CREATE('kg','kgpw'); GRANT SPARQL_UPDATE TO \"kg\";"],
                       check=True, capture_output=True, timeout=60)
        yield {"query": f"{base}/sparql", "store": f"{base}/sparql-graph-crud-auth",
               "update": f"{base}/sparql-auth",
               "env": {"CKG_ENDPOINT_USER": "kg", "CKG_ENDPOINT_PASSWORD": "kgpw"}}
    finally:
        subprocess.run([isql, f"127.0.0.1:{isql_port}", "dba", "dba", "EXEC=shutdown;"],
                       capture_output=True, timeout=30)
        _stop(proc)


@contextmanager
def ckg_server(store: Path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "build_graph.py"), "--store", str(store), "serve",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/sparql?query=ASK%7B%7D")
        yield {"query": f"{base}/sparql", "env": {}}
    finally:
        _stop(proc)
