"""Search latency at scale: officials search, article full-text search and the filtered timeline over 100,000
articles on PostgreSQL, p95 of 200 varied requests each, timed server-side; EXPLAIN of the costliest statements.

    .venv/bin/python bench/search_latency.py [--articles 100000] [--base 400] [--requests 200] [--rebuild] [--drop]

The first run builds the dedicated database parley_bench (takes longer than the other benchmarks, 15-25 minutes
on a busy 2-core machine): a base of real articles is ingested from the corpus once (kept as parley_bench_base,
the template of later rebuilds), then copied with shifted dates and perturbed text (Articles), perturbed names
(Actors, ActorAlias, Roles) and their Events with Participations and Evidence, with COPY. Mentions are not copied
(none of the three pages reads them). Later runs reuse the database; --rebuild makes it again from the base,
--rebuild-base ingests the base again too, --drop removes both at the end. Requests go through Django's test
Client to the real URLs, so middleware, the view, its queries and the template are all in the time.
"""

import gc
import hashlib
import json
import math
import random
import re
import time
from collections.abc import Iterator
from datetime import timedelta

from common import (
    SEED,
    django_setup,
    figure,
    finish,
    machine,
    median,
    migrate,
    note,
    p95,
    parser,
    pg_admin,
    pg_create,
    pg_drop,
    politics_sample,
    reuters_sample,
    stopwatch,
)

DB_NAME = "parley_bench"
DAYS_PER_COPY = timedelta(days=29)  # copies spread the base's dates over the years that follow
TARGET_MS = 50.0
# A statement running longer is cancelled (the request answers 503): the run stays bounded, and the p95 of a page
# where more than 5% of requests hit it is a lower bound.
STATEMENT_TIMEOUT_MS = 3000
GIN_INDEXES = ("articles_article_search_gin", "entities_actoralias_key_trgm", "entities_actoralias_name_trgm")
SYLLABLES = ("ov", "ez", "son", "ski", "i", "a", "er", "ton", "ani", "el", "ur", "in")
LETTERS = "abdeghiklmnorstuvz"
WORD = re.compile(r"[A-Za-z]{4,}")


# --- building the database ------------------------------------------------------------------------


def database_exists(server: str, name: str) -> bool:
    with pg_admin(server) as conn:
        return bool(conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone())


def ingest_base(args) -> None:
    from entities.ingest import articles_ingest

    files = reuters_sample(args.corpus, args.base * 3 // 4) + politics_sample(args.corpus, args.base // 4)
    with stopwatch() as elapsed:
        summary = articles_ingest(paths=files, workers=2)
    note(f"base ingest: {summary} in {elapsed():.0f} s")


def copy_rows(model, columns: list[str], rows: Iterator[tuple]) -> int:
    from django.db import connection
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def base_rows(model) -> tuple[list[str], list[dict]]:
    """Every row of the table as it is now, by column name (JSON as text, ready for COPY)."""
    fields = [f for f in model._meta.concrete_fields if f.column != "search_vector"]
    columns = [f.column for f in fields]
    rows = []
    for values in model.objects.order_by("pk").values_list(*[f.attname for f in fields]):
        row = dict(zip(columns, values, strict=True))
        for f in fields:
            if f.get_internal_type() == "JSONField":
                row[f.column] = json.dumps(row[f.column])
        rows.append(row)
    return columns, rows


class Scaler:
    """Copy k of every base row; ids are given here (base max + offset), so foreign keys are computed, not looked up."""

    def __init__(self, copies: int, rng: random.Random) -> None:
        self.copies = copies
        self.rng = rng
        self.ids: dict[str, dict[tuple[int, int], int]] = {}
        self.next_id: dict[str, int] = {}

    def new_id(self, table: str, copy: int, base_id: int) -> int:
        mapping = self.ids.setdefault(table, {})
        self.next_id[table] += 1
        mapping[(copy, base_id)] = self.next_id[table]
        return self.next_id[table]

    def ref(self, table: str, copy: int, base_id: int | None) -> int | None:
        return None if base_id is None else self.ids[table].get((copy, base_id))


def perturb_text(text: str, vocabulary: list[str], rng: random.Random, share: float = 0.06) -> str:
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 2:
        head, tail = paragraphs[:1], paragraphs[1:]
        rng.shuffle(tail)
        paragraphs = head + tail
    words = "\n\n".join(paragraphs).split(" ")
    for _ in range(max(1, int(len(words) * share))):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


def mutate(word: str, rng: random.Random) -> str:
    if len(word) > 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(word) - 1)
        word = word[:i] + rng.choice(LETTERS) + word[i + 1 :]
    return word + (rng.choice(SYLLABLES) if rng.random() < 0.6 else "")


def name_map(name: str, firsts: list[str], lasts: list[str], rng: random.Random) -> dict[str, str]:
    """Word -> word for one copied actor: another given name, another (mutated) surname; applied to every alias."""
    words = name.split()
    mapping = {words[-1]: mutate(rng.choice(lasts), rng)} if words else {}
    for word in words[:-1]:
        mapping[word] = rng.choice(firsts)
    return mapping


def renamed(name: str, mapping: dict[str, str]) -> str:
    return " ".join(mapping.get(w, w) for w in name.split())


def scale_up(target: int) -> None:
    from django.db import connection

    from articles.models import Article
    from entities.models import Actor, ActorAlias, Event, Evidence, Participation, Role
    from extraction.names import name_key, surname_skeleton

    rng = random.Random(SEED)
    tables = {m: base_rows(m) for m in (Article, Actor, ActorAlias, Role, Event, Participation, Evidence)}
    n_base = len(tables[Article][1])
    copies = math.ceil(target / n_base)  # copy 0 is the base itself
    scaler = Scaler(copies, rng)
    short = dict(zip(tables, ("a", "actor", "alias", "role", "event", "part", "ev"), strict=True))
    for model, (_, rows) in tables.items():
        scaler.next_id[short[model]] = max((r["id"] for r in rows), default=0)
    bodies = [r["body"] for r in tables[Article][1]]
    vocabulary = sorted({w for body in bodies for w in WORD.findall(body)})
    names = [r["name"].split() for r in tables[Actor][1]]
    firsts = sorted({w[0] for w in names if len(w) >= 2}) or ["Alex"]
    lasts = sorted({w[-1] for w in names if w}) or ["Smith"]
    note(f"scale-up: {n_base} base articles x {copies}; vocabulary {len(vocabulary)} words, {len(lasts)} surnames")

    def articles() -> Iterator[tuple]:
        columns, rows = tables[Article]
        made = n_base
        for k in range(1, copies):
            for row in rows:
                if made >= target:
                    return
                made += 1
                new = dict(row, id=scaler.new_id("a", k, row["id"]))
                new["body"] = perturb_text(row["body"], vocabulary, rng)
                new["original_text"] = new["body"]
                new["title"] = perturb_text(row["title"], vocabulary, rng, share=0.2)[:500]
                new["content_hash"] = hashlib.sha256(f"{k}:{row['content_hash']}".encode()).hexdigest()
                if row["published_on"]:
                    new["published_on"] = row["published_on"] + k * DAYS_PER_COPY
                yield tuple(new[c] for c in columns)

    actor_maps: dict[tuple[int, int], dict[str, str]] = {}

    def actors() -> Iterator[tuple]:
        columns, rows = tables[Actor]
        for k in range(1, copies):
            for row in rows:
                mapping = actor_maps[(k, row["id"])] = name_map(row["name"], firsts, lasts, rng)
                new = dict(row, id=scaler.new_id("actor", k, row["id"]), name=renamed(row["name"], mapping)[:200])
                yield tuple(new[c] for c in columns)

    def aliases() -> Iterator[tuple]:
        columns, rows = tables[ActorAlias]
        for k in range(1, copies):
            seen: set[tuple[int, str]] = set()
            for row in rows:
                name = renamed(row["name"], actor_maps[(k, row["actor_id"])])[:200]
                if (row["actor_id"], name) in seen:  # two aliases may become one name: the table allows it once
                    continue
                seen.add((row["actor_id"], name))
                new = dict(row, id=scaler.new_id("alias", k, row["id"]), name=name)
                new.update(actor_id=scaler.ref("actor", k, row["actor_id"]), key=name_key(name)[:200])
                new["surname"] = surname_skeleton(name)[:60]
                yield tuple(new[c] for c in columns)

    def roles() -> Iterator[tuple]:
        columns, rows = tables[Role]
        for k in range(1, copies):
            for row in rows:
                new = dict(row, id=scaler.new_id("role", k, row["id"]))
                new["actor_id"] = scaler.ref("actor", k, row["actor_id"])
                new["article_id"] = scaler.ref("a", k, row["article_id"])
                for field in ("first_seen", "last_seen"):
                    new[field] = row[field] and row[field] + k * DAYS_PER_COPY
                yield tuple(new[c] for c in columns)

    def events() -> Iterator[tuple]:
        columns, rows = tables[Event]
        for k in range(1, copies):
            for row in rows:
                scaler.new_id("event", k, row["id"])
            for row in rows:
                new = dict(row, id=scaler.ref("event", k, row["id"]))
                new["parent_id"] = scaler.ref("event", k, row["parent_id"])
                for field in ("date_start", "date_end"):
                    new[field] = row[field] and row[field] + k * DAYS_PER_COPY
                yield tuple(new[c] for c in columns)

    def participations() -> Iterator[tuple]:
        columns, rows = tables[Participation]
        for k in range(1, copies):
            for row in rows:
                new = dict(row, id=scaler.new_id("part", k, row["id"]))
                new["event_id"] = scaler.ref("event", k, row["event_id"])
                new["actor_id"] = scaler.ref("actor", k, row["actor_id"])
                yield tuple(new[c] for c in columns)

    def evidence() -> Iterator[tuple]:
        columns, rows = tables[Evidence]
        for k in range(1, copies):
            for row in rows:
                article = scaler.ref("a", k, row["article_id"])
                if article is None:  # the last copy of the articles may be partial
                    continue
                new = dict(row, id=scaler.new_id("ev", k, row["id"]), event_id=scaler.ref("event", k, row["event_id"]))
                new["article_id"] = article
                yield tuple(new[c] for c in columns)

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)", [list(GIN_INDEXES)])
        gin = cursor.fetchall()
        for name, _ in gin:  # built once after the load: much faster than row by row
            cursor.execute(f'DROP INDEX "{name}"')
    steps = [
        (Article, articles),
        (Actor, actors),
        (ActorAlias, aliases),
        (Role, roles),
        (Event, events),
        (Participation, participations),
        (Evidence, evidence),
    ]
    try:
        for model, rows in steps:
            with stopwatch() as elapsed:
                count = copy_rows(model, tables[model][0], rows())
            note(f"COPY {model._meta.db_table}: {count} rows in {elapsed():.0f} s")
    finally:
        with connection.cursor() as cursor, stopwatch() as elapsed:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _, definition in gin:
                cursor.execute(definition)
    with connection.cursor() as cursor:
        for model in tables:
            table = model._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")  # noqa: S608
    note(f"GIN indexes rebuilt in {elapsed():.0f} s")


def use_database(server: str, name: str) -> None:
    """Point Django's connection at another database of the same server."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def build(args) -> None:
    """The base (real articles, ingested once into <db>_base), then a copy of it scaled up into <db>."""
    from django.db import connection
    from psycopg import sql

    base = f"{args.db}_base"
    django_setup(f"{args.pg.rstrip('/')}/{base}")
    if args.rebuild_base or not database_exists(args.pg, base):
        pg_create(args.pg, base)
        migrate()
        ingest_base(args)
        connection.close()
    pg_drop(args.pg, args.db)
    with pg_admin(args.pg) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(args.db), sql.Identifier(base)))
    use_database(args.pg, args.db)
    with stopwatch() as elapsed:
        scale_up(args.articles)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    note(f"scale-up to {args.articles} articles took {elapsed():.0f} s (then VACUUM ANALYZE)")


# --- the requests ----------------------------------------------------------------------------------


def sample_names(n: int, rng: random.Random) -> list[str]:
    from entities.models import ActorAlias

    return list(ActorAlias.objects.order_by("?").values_list("name", flat=True)[:n])


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def official_queries(n: int, rng: random.Random) -> list[dict]:
    shapes = [
        lambda name: name,
        lambda name: name.split()[-1].lower(),
        lambda name: " ".join(typo(w, rng) for w in name.split()),
        lambda name: f"President {name}",
        lambda name: name.split()[-1][:4],
        lambda name: f"{name} Xq{rng.randrange(99)}zt",
    ]
    names = sample_names(n, rng)
    return [{"q": shapes[i % len(shapes)](name)} for i, name in enumerate(names)]


def article_queries(n: int, rng: random.Random) -> list[dict]:
    from articles.models import Article

    titles = list(Article.objects.order_by("?").values_list("title", flat=True)[: n * 2])
    words = [w.lower() for t in titles for w in WORD.findall(t)] or ["minister"]
    shapes = [
        lambda: rng.choice(words),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        lambda: f'"{rng.choice(titles).split(" ", 2)[0]} {rng.choice(words)}"',
        lambda: f"{rng.choice(words)} -{rng.choice(words)}",
        lambda: f"{rng.choice(words)} or {rng.choice(words)}",
        lambda: rng.choice(["minister", "talks", "president", "trade", "bank", "visit"]),
    ]
    queries = [{"q": shapes[i % len(shapes)]()} for i in range(n)]
    for i in range(0, n, 10):
        queries[i]["page"] = "2"
    return queries


def timeline_queries(n: int, rng: random.Random) -> list[dict]:
    from entities.models import Event, Evidence
    from entities.selectors import country_choices

    years = Event.objects.exclude(date_start=None).dates("date_start", "year")
    years = [d.year for d in years] or [2000]
    countries = [c for c, _ in country_choices()] or [""]
    names = sample_names(n, rng)
    sentences = list(Evidence.objects.order_by("?").values_list("sentence", flat=True)[:n])
    words = [w for s in sentences for w in WORD.findall(s)] or ["minister"]
    queries = []
    for i in range(n):
        year = rng.choice(years)
        q = {}
        if i % 2 == 0:
            q.update(date_from=f"{year}-01-01", date_to=f"{year + rng.choice([0, 1, 3])}-12-31")
        if i % 3 == 0:
            q["kind"] = rng.choice(["visit", "meeting", "phone_call", "multilateral"])
        if i % 4 == 1:
            q["country"] = rng.choice(countries)
        if i % 5 == 2:
            q["official"] = names[i % len(names)]
        if i % 7 == 3:
            q["q"] = rng.choice(words)
        if i % 6 == 5:
            q["page"] = "2"
        queries.append(q)
    return queries


class SqlTimer:
    """Wall time spent in SQL statements, for splitting a request's time into database and Python."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start


def timed_requests(client, path: str, queries: list[dict]) -> dict[str, list[float]]:
    """Per request: wall ms (the mark), this process's CPU ms (what contention cannot inflate), SQL wall ms."""
    from django.db import connection

    for query in queries[:10]:  # warm-up: caches and connections, not counted
        client.get(path, query)
    times: dict[str, list[float]] = {"wall": [], "cpu": [], "sql": [], "errors": [], "timeouts": []}
    sql = SqlTimer()
    with connection.execute_wrapper(sql):
        for query in queries:
            sql.seconds = 0.0
            cpu = time.process_time()
            with stopwatch() as elapsed:
                response = client.get(path, query)
            times["wall"].append(elapsed() * 1000)
            times["cpu"].append((time.process_time() - cpu) * 1000)
            times["sql"].append(sql.seconds * 1000)
            if response.status_code == 503:
                times["timeouts"].append(1)
            elif response.status_code not in (200, 404):  # 404: a page 2 that a small result does not have
                times["errors"].append(1)
                note(f"{path} {query}: HTTP {response.status_code}")
    return times


# --- EXPLAIN -----------------------------------------------------------------------------------------------


def explain_request(client, path: str, query: dict, wanted: list) -> bool:
    """EXPLAIN ANALYZE the request's two slowest statements; whether every wanted index appears in them."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(path, query)
    reads = ("SELECT", "WITH")
    statements = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith(reads)]
    timed = []
    # In order and in one transaction, so that a planner setting the request makes for a statement (SET LOCAL
    # through set_config, which EXPLAIN ANALYZE executes) holds for it here too.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 0")
        for sql in statements:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            ms = float(re.search(r"Execution Time: ([\d.]+)", plan).group(1))
            timed.append((ms, sql, plan))
    timed.sort(reverse=True)
    note(
        f"EXPLAIN for {path}?{'&'.join(f'{k}={v}' for k, v in query.items())}: {len(statements)} SELECTs, "
        f"{sum(t[0] for t in timed):.1f} ms in the database"
    )
    for ms, sql, plan in timed[:2]:
        print(f"--- {ms:.1f} ms: {sql.strip()[:600]}")
        print(plan)
    plans = "\n".join(plan for _, _, plan in timed)
    # each wanted entry is an index name, or a tuple of names any one of which will do
    return all(any(name in plans for name in ([w] if isinstance(w, str) else w)) for w in wanted)


def event_date_indexes() -> tuple[str, ...]:
    """Every index on entities_event.date_start: the timeline may use any of them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'entities_event' AND indexdef LIKE '%date_start%'"
        )
        names = tuple(row[0] for row in cursor.fetchall())
    return names or ("no index on entities_event.date_start",)


def measure(args) -> None:
    from django.db import connection
    from django.test import Client

    from articles.models import Article
    from entities.models import Actor, ActorAlias, Event, Evidence, Participation

    counts = {m.__name__: m.objects.count() for m in (Article, Actor, ActorAlias, Event, Participation, Evidence)}
    note(f"database {args.db}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    rng = random.Random(SEED)
    client = Client(HTTP_HOST="localhost")
    gc.freeze()  # what a gunicorn worker does once it has loaded the application (config/gunicorn.conf.py)
    connection.close()
    options = connection.settings_dict.setdefault("OPTIONS", {})
    options["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    kinds = [
        ("officials_search", "/officials/", official_queries(args.requests, rng)),
        ("articles_search", "/articles/", article_queries(args.requests, rng)),
        ("timeline_filtered", "/events/", timeline_queries(args.requests, rng)),
    ]
    results = {}
    for name, path, queries in kinds:
        times = results[name] = timed_requests(client, path, queries)
        worst = sorted(zip(times["wall"], queries, strict=True), key=lambda pair: -pair[0])[:3]
        slowest = "; ".join(f"{t:.0f} ms {query}" for t, query in worst)
        note(
            f"{name}: wall median {median(times['wall']):.1f} ms; p95 of own CPU {p95(times['cpu']):.1f} ms, "
            f"of SQL {p95(times['sql']):.1f} ms; slowest: {slowest}"
        )
    for name, times in results.items():
        if times["timeouts"]:
            note(f"{name}: {len(times['timeouts'])} requests hit the {STATEMENT_TIMEOUT_MS} ms statement timeout")
        figure(f"{name}_p95_ms", p95(times["wall"]), f"<= {TARGET_MS:.0f} ms", p95(times["wall"]) <= TARGET_MS)
        if times["errors"]:
            figure(f"{name}_errors", len(times["errors"]), "0", False)
    date_indexes = event_date_indexes()
    checks = [
        ("officials_uses_trigram_gin", "/officials/", {"q": "Baker"}, ["entities_actoralias_key_trgm"]),
        ("articles_uses_search_gin", "/articles/", {"q": "minister talks"}, ["articles_article_search_gin"]),
        ("timeline_uses_date_btree", "/events/", {"date_from": "1995-01-01", "date_to": "1995-12-31"}, [date_indexes]),
    ]
    for name, path, query, wanted in checks:
        used = explain_request(client, path, query, wanted)
        figure(name, "yes" if used else "no", "yes", used)


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--articles", type=int, default=100_000)
    p.add_argument("--base", type=int, default=400, help="real articles ingested before copying")
    p.add_argument("--requests", type=int, default=200)
    p.add_argument("--db", default=DB_NAME, help="the dedicated database (created, reused, dropped with --drop)")
    p.add_argument("--rebuild", action="store_true", help="scale up again from the base even if the database exists")
    p.add_argument("--rebuild-base", action="store_true", help="ingest the base articles again too")
    p.add_argument("--drop", action="store_true", help="drop the database at the end")
    args = p.parse_args()
    note(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    try:
        if args.rebuild or args.rebuild_base or not database_exists(args.pg, args.db):
            build(args)
        else:
            django_setup(f"{args.pg.rstrip('/')}/{args.db}")
            migrate()  # indexes added since the build apply to the kept database too
        measure(args)
    finally:
        if args.drop:
            from django.db import connections

            connections.close_all()
            pg_drop(args.pg, args.db)
            pg_drop(args.pg, f"{args.db}_base")


if __name__ == "__main__":
    main()
    finish()
