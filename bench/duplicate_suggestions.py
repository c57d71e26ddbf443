"""Suspected duplicates against the gold sets: is every official split in two suggested, and how many suggestions
are wrong?

    python3 ../shared/tools/score_sets.py --keep DIR      # ingests each gold set into DIR/<set>.sqlite3
    .venv/bin/python bench/duplicate_suggestions.py DIR    # then this reads those databases

Gold people are the seeds' alias groups (every spelling given) and the development sets' participants (canonical
names only: a stored official is theirs when one of its full names matches by name_match_score). An official split
over several stored actors is a true pair; a suggestion between two different gold people is a false one; a
suggestion touching someone the gold sets do not list is counted apart (unjudged). Nothing is written.
"""

import argparse
import itertools
import json
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extraction.names import core_words, name_key, name_match_score

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "gold"


def gold_people(name: str) -> list[tuple[str, set[str]]]:
    """(canonical name, the keys of its spellings) for every gold person of a set."""
    if name == "seeds":
        groups = json.loads((GOLD / "seeds.actors.json").read_text())["same"]
        return [(g["name"], {name_key(s) for s in [g["name"], *g["spellings"]]}) for g in groups]
    names: set[str] = set()
    for line in (GOLD / "dev" / f"{name}.events.jsonl").read_text().splitlines():
        if line.strip():
            names.update(json.loads(line)["participants"])
    return [(n, {name_key(n)}) for n in sorted(names)]


def owner(aliases: list[str], people: list[tuple[str, set[str]]], *, spellings_given: bool) -> str | None:
    """The gold person a stored official is, if exactly one fits."""
    keys = {name_key(a) for a in aliases}
    fits = {n for n, spellings in people if keys & spellings}
    if not fits and not spellings_given:
        full = [a for a in aliases if len(core_words(a)) >= 2]
        fits = {n for n, _ in people if any(name_match_score(a, n) >= 0.8 for a in full)}
    return fits.pop() if len(fits) == 1 else None


def measure(database: Path) -> dict:
    name = database.name.removesuffix(".sqlite3")
    db = sqlite3.connect(database)
    aliases: dict[int, list[str]] = {}
    people = "SELECT a.id, l.name FROM entities_actor a JOIN entities_actoralias l ON l.actor_id = a.id"
    for actor_id, alias in db.execute(f"{people} WHERE a.kind = 'person' AND a.status != 'rejected'"):
        aliases.setdefault(actor_id, []).append(alias)
    gold = gold_people(name)
    owners = {a: owner(names, gold, spellings_given=name == "seeds") for a, names in aliases.items()}
    pairs = {
        (a, b): status
        for a, b, status in db.execute("SELECT actor_a_id, actor_b_id, status FROM entities_suspectedduplicate")
    }
    split = {}
    for person in {o for o in owners.values() if o}:
        actors = sorted(a for a, o in owners.items() if o == person)
        split.update({pair: person for pair in itertools.combinations(actors, 2)})
    suggested = {pair for pair in split if pair in pairs}
    false = [p for p in pairs if owners.get(p[0]) and owners.get(p[1]) and owners[p[0]] != owners[p[1]]]
    unjudged = [p for p in pairs if not (owners.get(p[0]) and owners.get(p[1]))]
    return {
        "set": name,
        "officials": len(aliases),
        "true_pairs": len(split),
        "suggested": len(suggested),
        "missed": sorted(f"{aliases[a][0]} / {aliases[b][0]}" for a, b in set(split) - suggested),
        "suggestions": len(pairs),
        "false": sorted(f"{aliases[a][0]} / {aliases[b][0]}" for a, b in false),
        "unjudged": sorted(f"{aliases[a][0]} / {aliases[b][0]}" for a, b in unjudged if a in aliases and b in aliases),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kept", type=Path, help="the folder score_sets.py --keep filled")
    args = p.parse_args()
    databases = sorted(args.kept.glob("*.sqlite3"))
    if not databases:
        sys.exit(f"no *.sqlite3 in {args.kept}: run score_sets.py --keep {args.kept} first")
    for database in databases:
        print(json.dumps(measure(database), ensure_ascii=False))


if __name__ == "__main__":
    main()
