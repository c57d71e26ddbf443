"""Finding and reading article files: text when there is some, a one-line reason when there is not."""

import os

import pytest

from articles import readers
from articles.readers import count_article_files, read_sources

LIMIT = 10_000
ARTICLE = "Talks resume\n\nThe two delegations met again on Monday in the capital.\n"


def read_all(*paths, max_bytes=LIMIT):
    return list(read_sources(paths, max_bytes=max_bytes))


def only(*paths, max_bytes=LIMIT):
    [source] = read_all(*paths, max_bytes=max_bytes)
    return source


def test_folders_are_walked_recursively_in_name_order(tmp_path, write):
    write("b.txt", ARTICLE)
    write("a/z.htm", "<html><body><p>x</p></body></html>")
    write("a/y.txt", ARTICLE)
    write("a/notes.md", "not an article")
    write(".hidden/h.txt", ARTICLE)
    names = [source.path.relative_to(tmp_path).as_posix() for source in read_all(tmp_path)]
    assert names == ["a/y.txt", "a/z.htm", "b.txt"]


def test_files_are_read_one_at_a_time(tmp_path, write):
    write("a.txt", ARTICLE)
    write("b.txt", ARTICLE)
    sources = read_sources([tmp_path], max_bytes=LIMIT)
    assert next(sources).text == ARTICLE
    write("b.txt", "Changed\n\nRead only when its turn came.\n")
    assert next(sources).text == "Changed\n\nRead only when its turn came.\n"


def test_file_removed_during_the_run_gives_a_reason(tmp_path, write):
    write("a.txt", ARTICLE)
    gone = write("b.txt", ARTICLE)
    sources = read_sources([tmp_path], max_bytes=LIMIT)
    next(sources)
    gone.unlink()
    assert next(sources).reason == "the file disappeared before it was read"


def test_count_matches_what_is_read(tmp_path, write):
    write("a.txt", ARTICLE)
    write("sub/b.html", "<p>x</p>")
    write("sub/c.csv", "x")
    assert count_article_files([tmp_path]) == 2


def test_missing_path_gives_a_reason(tmp_path):
    source = only(tmp_path / "nowhere")
    assert (source.ok, source.is_file, source.reason) == (False, False, "no such file or folder")


def test_folder_without_articles_gives_a_reason(tmp_path, write):
    write("index.tsv", "file\ttitle\n")
    source = only(tmp_path)
    assert (source.ok, source.is_file) == (False, False)
    assert source.reason == "no article files (.txt, .html, .htm) in this folder"


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"])
def test_empty_or_whitespace_file_gives_a_reason(write, content):
    assert only(write("empty.txt", content)).reason == "empty file"


def test_nul_bytes_mean_binary_data(write):
    assert only(write("data.txt", b"PK\x03\x04\x00\x00binary")).reason == "binary data, not text (contains NUL bytes)"


def test_control_characters_mean_binary_data(write):
    noise = bytes(range(1, 9)) * 50 + b"some words"
    assert only(write("noise.txt", noise)).reason == "binary data, not text (mostly control characters)"


def test_latin1_file_with_a_pound_sign_is_read_correctly(write):
    path = write("latin1.txt", "Fuel prices\n\nPetrol now costs £1.50 a litre.\n".encode("latin-1"))
    assert only(path).text == "Fuel prices\n\nPetrol now costs £1.50 a litre.\n"


def test_windows_1252_quotes_are_read_correctly(write):
    text = "The minister said the talks were “useful” – and short.\n"
    assert only(write("cp1252.txt", text.encode("cp1252"))).text == text


def test_cyrillic_legacy_encoding_is_detected(write):
    text = "Министры встретились в столице в понедельник и обсудили новый торговый договор.\n" * 3
    assert only(write("cp1251.txt", text.encode("cp1251"))).text == text


def test_utf8_byte_order_mark_is_dropped(write):
    assert only(write("bom.txt", "\ufeff" + ARTICLE)).text == ARTICLE


def test_utf16_with_a_byte_order_mark_is_text(write):
    assert only(write("utf16.txt", ARTICLE.encode("utf-16"))).text == ARTICLE


def test_file_over_the_size_limit_is_refused_before_reading(write, monkeypatch):
    path = write("big.txt", "x" * 101)
    monkeypatch.setattr(readers, "_open_regular", lambda *a, **k: pytest.fail("a file over the limit was opened"))
    assert only(path, max_bytes=100).reason == "file too large: 101 bytes (the limit is 100)"


def test_file_at_the_size_limit_is_read(write):
    assert only(write("edge.txt", "y" * 100), max_bytes=100).ok


def test_symlink_loop_between_files_gives_a_reason(tmp_path):
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    assert [s.reason for s in read_all(tmp_path)] == ["symbolic link loop", "symbolic link loop"]


def test_folder_link_back_to_its_parent_is_reported_not_followed(tmp_path, write):
    write("top/a.txt", ARTICLE)
    os.symlink(tmp_path / "top", tmp_path / "top" / "again")
    sources = read_all(tmp_path / "top")
    assert [s.path.name for s in sources if s.ok] == ["a.txt"]
    [loop] = [s for s in sources if not s.ok]
    assert loop.reason.startswith("symbolic link loop")


def test_dangling_symlink_gives_a_reason(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    assert only(tmp_path).reason == "broken symbolic link (its target does not exist)"


def test_unreadable_file_gives_a_reason(write, monkeypatch):
    path = write("locked.txt", ARTICLE)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(readers, "_open_regular", denied)  # chmod does not stop root, who runs CI
    assert only(path).reason == "cannot be read: permission denied"


def test_named_file_of_another_kind_gives_a_reason(write):
    assert only(write("table.csv", "a,b\n")).reason.startswith("not an article file")


def test_html_main_text_is_found_with_its_metadata(write):
    page = """<html><head><title>Talks in Oslo | Example Post</title>
    <meta name="author" content="Jane Roe"><meta property="og:site_name" content="Example Post">
    <meta name="date" content="2021-03-04"></head>
    <body><nav>Home News Sport Weather</nav><article><h1>Talks in Oslo</h1>
    <p>The foreign minister met her counterpart in Oslo on Tuesday to discuss fishing rights and the border.</p>
    <p>Both sides said the talks were useful and agreed to meet again next year in Helsinki.</p></article>
    <footer>Contact us</footer></body></html>"""
    text = only(write("page.html", page)).text
    assert "Date: 2021-03-04" in text
    assert "By Jane Roe | Example Post" in text
    assert "The foreign minister met her counterpart in Oslo" in text
    assert "Weather" not in text


def test_html_without_main_text_gives_a_reason(write):
    page = "<html><head><title>Menu</title></head><body><script>var x = 1;</script></body></html>"
    assert only(write("blank.html", page)).reason == "no article text found in the HTML page"


def test_the_html_reader_finds_lxml_html_clean():
    """trafilatura imports lxml.html.clean, which lxml ships apart; requirements.in names it so every install has it."""
    from lxml.html.clean import Cleaner

    assert Cleaner(javascript=True).clean_html("<p>ok<script>x</script></p>") == "<p>ok</p>"
