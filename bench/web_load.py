"""Concurrent logged-in clients browsing the plan and dashboard pages of the embedded default.

Starts `bpoprep serve` (SQLite in WAL mode, in-process worker) on a free local port with a
fresh data folder, signs up N candidates over HTTP, then has N client threads fetch /plan/
and / for a fixed time. Prints latency percentiles, throughput and errors.

Two runs by default: "browsing" (each client pauses 0.5-1.5 s between pages, as a person
reading does) and "saturation" (no pause: the most the server can do, where latency is
mostly queueing, since mean latency = clients / throughput).

    python bench/web_load.py --clients 20 --seconds 20

Client and server share this machine's cores, so the figures are a floor, not a ceiling.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import date, timedelta
from pathlib import Path
from stats import percentile  # bench/stats.py

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Session:
    """A tiny cookie-keeping HTTP client on one keep-alive connection."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str | list[str]] | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.conn.port}{path}"
        self.conn.request(method, path, body=body, headers=headers)
        resp = self.conn.getresponse()
        text = resp.read().decode("utf-8", "replace")
        for header, value in resp.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return resp.status, text

    def csrf(self, path: str) -> str:
        _, html = self.request("GET", path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not match:
            raise RuntimeError(f"no CSRF token on {path}")
        return match.group(1)


def sign_up(port: int, i: int) -> Session:
    s = Session(port)
    token = s.csrf("/accounts/signup/")
    password = f"bench-phrase-{i}-long-enough"
    status, _ = s.request("POST", "/accounts/signup/", {"csrfmiddlewaretoken": token, "email": f"bench{i}@example.com", "display_name": f"Bench {i}", "password1": password, "password2": password})
    if status != 302:
        raise RuntimeError(f"sign-up failed with {status}")
    token = s.csrf("/accounts/profile/")
    form = {
        "csrfmiddlewaretoken": token,
        "target_roles": ["customer-service-representative"],
        "process": ["voice_inbound", "chat", "email", "back_office", "voice_outbound"][i % 5],
        "market": "international" if i % 2 else "domestic",
        "company": "Bench Services",
        "interview_date": (date.today() + timedelta(days=5 + i % 20)).isoformat(),
        "ui_language": "en",
    }
    status, _ = s.request("POST", "/accounts/profile/", form)
    if status != 302:
        raise RuntimeError(f"onboarding failed with {status}")
    return s



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--threads", type=int, default=8, help="server request threads")
    ap.add_argument("--think", type=float, default=None, help="mean pause between pages (s); default: both 1.0 and 0")
    args = ap.parse_args()

    port = free_port()
    data = tempfile.mkdtemp(prefix="bpoprep-bench-")
    env = {**os.environ, "BPOPREP_DATA_DIR": data, "BPOPREP_LOG_LEVEL": "WARNING"}
    # The server's log goes to a file: an unread pipe fills up and stalls the server.
    log = open(Path(data) / "server.log", "wb")  # noqa: SIM115 - closed with the server
    server = subprocess.Popen([str(BIN / "bpoprep"), "serve", "--port", str(port), "--threads", str(args.threads)], env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if server.poll() is not None:
                    print((Path(data) / "server.log").read_text(errors="replace")[-4000:], file=sys.stderr)
                    return 1
                time.sleep(0.2)
        sessions = [sign_up(port, i) for i in range(args.clients)]
        thinks = [args.think] if args.think is not None else [1.0, 0.0]
        failed = False
        for think in thinks:
            failed |= run(sessions, args, think)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return 2 if failed else 0


def run(sessions: list[Session], args: argparse.Namespace, think: float) -> bool:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + args.seconds

    def client(s: Session) -> None:
        paths = ["/plan/", "/"]
        n = 0
        mine: list[float] = []
        while time.monotonic() < stop_at:
            path = paths[n % 2]
            n += 1
            t0 = time.perf_counter()
            try:
                status, body = s.request("GET", path)
                ok = status == 200 and "readiness" in body
            except Exception as exc:  # noqa: BLE001 - counted, not fatal
                ok, status = False, repr(exc)
                s.conn.close()
            mine.append((time.perf_counter() - t0) * 1000)
            if not ok:
                with lock:
                    errors.append(f"{path}: {status}")
            if think:
                time.sleep(random.uniform(0.5 * think, 1.5 * think))
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(s,)) for s in sessions]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    mode = f"browsing, {think:.1f} s mean pause" if think else "saturation, no pause"
    print(f"web load ({mode}): {args.clients} logged-in clients, {args.seconds:.0f} s, server threads {args.threads}, SQLite WAL, cores {os.cpu_count()}")
    print(f"  requests   {len(latencies)}")
    print(f"  throughput {len(latencies) / elapsed:.1f} req/s")
    print(f"  latency ms p50 {percentile(latencies, 50):.1f}  p95 {percentile(latencies, 95):.1f}  p99 {percentile(latencies, 99):.1f}  mean {statistics.fmean(latencies):.1f}  max {max(latencies):.1f}")
    print(f"  errors     {len(errors)}" + (f"  e.g. {errors[:3]}" if errors else ""))
    return bool(errors)


if __name__ == "__main__":
    sys.exit(main())
