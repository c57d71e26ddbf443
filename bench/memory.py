"""Ingest memory: the peak RSS of `manage.py ingest` over 500 and over 2,000 articles, each into an empty database.

    .venv/bin/python bench/memory.py [--sizes 500,2000] [--workers 1] [--backend postgresql|sqlite]

The command runs as a child process; its peak comes from os.wait4 (getrusage of that child and the workers it
waited for: the largest single process). The whole process tree (command + spaCy workers) is also sampled with
psutil every 0.1 s, which is what the machine must hold at once.
"""

import contextlib
import os
import subprocess
import sys
import threading
import time

import psutil
from common import (
    REPO,
    child_env,
    figure,
    finish,
    machine,
    note,
    parser,
    pg_create,
    pg_drop,
    reuters_sample,
    sqlite_url,
)

DB_NAME = f"parley_bench_memory_{os.getpid()}"  # one per process: runs side by side never share a database
LIMIT_BYTES = 1.5e9
GROWTH = 1.2  # "not growing": the larger corpus may peak at most this much higher


def tree_rss(pid: int) -> int:
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += process.memory_info().rss
    return total


def sample(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.is_set():
        peak[0] = max(peak[0], tree_rss(pid))
        time.sleep(0.1)


def run_ingest(files, url: str, workers: int) -> tuple[int, int, float]:
    """(peak RSS of the largest process, peak RSS of the whole tree, seconds) of one ingest command."""
    env = child_env(url)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True)  # noqa: S603
    command = [python, "manage.py", "ingest", "--workers", str(workers), *map(str, files)]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)  # noqa: S603
    peak, done = [0], threading.Event()
    sampler = threading.Thread(target=sample, args=(child.pid, peak, done), daemon=True)
    sampler.start()
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    summary = next((line for line in output.splitlines() if " seen, " in line), "no summary")
    note(f"{len(files)} articles: {summary}; exit {os.waitstatus_to_exitcode(status)}; {seconds:.0f} s")
    return usage.ru_maxrss * 1024, peak[0], seconds


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--sizes", default="500,2000", help="two corpus sizes, smaller first")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    args = p.parse_args()
    small, large = (int(s) for s in args.sizes.split(","))
    files = reuters_sample(args.corpus, large)
    note(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    note(f"Reuters articles, ingest --workers {args.workers}, {args.backend}")
    peaks = {}
    for size in (small, large):
        url = pg_create(args.pg, DB_NAME) if args.backend == "postgresql" else sqlite_url()
        try:
            peaks[size] = run_ingest(files[:size], url, args.workers)
        finally:
            if args.backend == "postgresql":
                pg_drop(args.pg, DB_NAME)
    for size, (process, tree, _) in peaks.items():
        figure(f"peak_rss_process_{size}_articles_MB", process / 1e6, "< 1500 MB", process < LIMIT_BYTES)
        figure(f"peak_rss_tree_{size}_articles_MB", tree / 1e6, "< 1500 MB", tree < LIMIT_BYTES)
    growth = peaks[large][0] / peaks[small][0]
    figure(f"peak_rss_{large}_vs_{small}", growth, f"<= {GROWTH}", growth <= GROWTH, "x")


if __name__ == "__main__":
    main()
    finish()
