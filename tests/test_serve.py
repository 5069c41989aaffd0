"""ckg serve in-process: loopback by default, read-only, row and time limits, and a rebuilt store is served at once."""
import json
import shutil
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager


import graph
from graph.serve import ServerConfig, make_server
from graph.store import Store

DOCS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ckg:Document }"


@contextmanager
def serving(store, in_memory=False, **config):
    server = make_server(Store(store, in_memory=in_memory), ServerConfig(port=0, **config))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def ask(url, query, accept="application/sparql-results+json", method="GET"):
    data = None
    if method == "GET":
        url = f"{url}?{urllib.parse.urlencode({'query': query})}"
    else:
        data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url, data=data, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def count(url):
    status, _, body = ask(url, DOCS)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_the_default_address_is_loopback():
    assert ServerConfig().host == "127.0.0.1"


def test_answers_by_get_and_post_in_json_and_csv(seed_store):
    with serving(seed_store) as url:
        assert count(url) == 5
        status, headers, body = ask(url, DOCS, accept="text/csv", method="POST")
        assert status == 200 and headers["Content-Type"].startswith("text/csv")
        assert body.decode().splitlines() == ["n", "5"]


def test_updates_are_refused_and_change_nothing(seed_store):
    with serving(seed_store) as url:
        status, _, _ = ask(url, "DELETE WHERE { ?s ?p ?o }", method="POST")
        assert status == 403
        assert count(url) == 5


def test_rows_past_the_limit_are_cut_and_the_answer_says_so(seed_store):
    with serving(seed_store, max_rows=7) as url:
        status, headers, body = ask(url, "SELECT ?s WHERE { ?s ?p ?o }")
        assert status == 200 and headers.get("X-CKG-Truncated")
        assert len(json.loads(body)["results"]["bindings"]) == 7


def test_a_query_past_the_time_limit_gets_503(seed_store):
    cartesian = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with serving(seed_store, timeout=1.0) as url:
        t = time.monotonic()
        status, _, body = ask(url, cartesian)
        assert status == 503 and b"time limit" in body
        assert time.monotonic() - t < 10


def test_a_rebuilt_store_is_served_without_a_restart(seed_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(seed_store, store, symlinks=True)
    doc = tmp_path / "extra.txt"
    doc.write_text("رحب التحالف الدولي بانضمام أوزبكستان في مدريد.", encoding="utf-8")
    with serving(store) as url:
        assert count(url) == 5
        graph.add([doc], store=store)
        assert count(url) == 6


def test_in_memory_copy_is_loaded_again_after_an_add(seed_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(seed_store, store, symlinks=True)
    doc = tmp_path / "extra.txt"
    doc.write_text("رحب التحالف الدولي بانضمام أوزبكستان في مدريد.", encoding="utf-8")
    st = Store(store, in_memory=True)
    first = st.reader()
    assert st.reader() is first  # kept while the store does not change
    with serving(store, in_memory=True) as url:
        assert count(url) == 5
        graph.add([doc], store=store)
        assert count(url) == 6
    assert st.reader() is not first and len(st.reader()) > len(first)


def test_a_store_in_memory_still_runs_queries_with_a_time_limit(seed_store):
    """A query with a time limit runs in a child process that is sent the Store (pickled)."""
    from queries import resolve, run_local

    st = Store(seed_store, in_memory=True)
    st.reader()
    rows = run_local(resolve("meetings"), st, timeout=60).as_dicts()
    assert rows == run_local(resolve("meetings"), Store(seed_store)).as_dicts() and rows


def _connection_threads() -> int:
    return sum(t.name.endswith("(process_request_thread)") for t in threading.enumerate())


def _wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def test_a_connection_left_idle_is_closed_and_its_thread_ends(seed_store):
    """A client that opens connections and sends nothing (or stops mid-request) must not hold the
    server's threads for good: past the idle time the server closes them, and still answers."""
    import socket

    with serving(seed_store, idle=0.5) as url:
        port = int(url.split(":")[2].split("/")[0])
        before = _connection_threads()
        idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(8)]
        idle[0].sendall(b"GET /sparql?query=ASK")  # half a request line, never finished
        assert _wait_for(lambda: _connection_threads() >= before + 8)  # a thread a connection
        for conn in idle:
            assert conn.recv(1024) == b""  # closed by the server, well before this socket's own 10 s
        assert _wait_for(lambda: _connection_threads() <= before)
        assert count(url) == 5
        for conn in idle:
            conn.close()


def test_a_query_that_cannot_start_in_time_is_refused_as_busy_and_never_runs(seed_store):
    """One worker, held by a query the engine cannot stop (a count: no row before the end). A
    request behind it gets its 503 as 'busy', is taken out of the queue, and the server answers
    again once the long query ends."""
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . VALUES ?k { 1 2 3 4 5 6 } }"
    with serving(seed_store, timeout=0.5, workers=1) as url:
        answers = {}
        first = threading.Thread(target=lambda: answers.setdefault("slow", ask(url, slow)))
        first.start()
        time.sleep(0.2)
        status, _, body = ask(url, DOCS)
        assert status == 503 and b"busy" in body and b"time limit for a worker" in body, body
        first.join()
        assert answers["slow"][0] == 503 and b"ran past the server's time limit" in answers["slow"][2]
        assert _wait_for(lambda: ask(url, DOCS)[0] == 200, 60)
        assert count(url) == 5
