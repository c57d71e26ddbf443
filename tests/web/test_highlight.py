"""Highlights are built on escaped text: article text can never inject markup."""

from types import SimpleNamespace

from articles.search import START, STOP, headline_html, snippet
from articles.templatetags.article_body import render_body
from entities.templatetags.parley import highlight_names


def test_names_are_marked_as_whole_words_case_insensitively():
    html = highlight_names("Bajwa met Rouhani; Bajwaland is elsewhere.", ["bajwa", "Rouhani"])
    assert html == "<mark>Bajwa</mark> met <mark>Rouhani</mark>; Bajwaland is elsewhere."


def test_longest_name_wins():
    html = highlight_names("President Hassan Rouhani spoke.", ["Rouhani", "Hassan Rouhani"])
    assert html == "President <mark>Hassan Rouhani</mark> spoke."


def test_sentence_markup_is_escaped_before_marking():
    html = highlight_names('<script>alert("Bajwa")</script> Bajwa', ["Bajwa"])
    assert "<script>" not in html
    assert html == "&lt;script&gt;alert(&quot;<mark>Bajwa</mark>&quot;)&lt;/script&gt; <mark>Bajwa</mark>"


def test_a_name_with_markup_is_escaped_too():
    assert highlight_names("<b>x</b>", ["<b>x</b>"]) == "<mark>&lt;b&gt;x&lt;/b&gt;</mark>"


def _span(start, end, **extra):
    return SimpleNamespace(start=start, end=end, **extra)


def test_body_links_people_and_anchors_sentences():
    body = "Intro. Ana Silva met <b>Kwame</b>."
    mention = _span(7, 16, actor_id=5)
    evidence = _span(7, len(body))
    html = render_body(body, [mention], [evidence])
    assert html == (
        'Intro. <span class="evidence-sentence" id="s-7"><a class="person" href="/officials/5/">Ana Silva</a>'
        " met &lt;b&gt;Kwame&lt;/b&gt;.</span>"
    )


def test_body_drops_spans_that_overlap_or_fall_outside():
    body = "<script>x</script> Ana Silva"
    mentions = [
        _span(19, 28, actor_id=1),
        _span(20, 25, actor_id=2),
        _span(25, 99, actor_id=3),
        _span(0, 3, actor_id=None),
    ]
    html = render_body(body, mentions, [_span(5, 22)])  # the sentence cuts the first mention: not linked
    assert "<script>" not in html
    assert html.count("<a ") == 0
    assert html.startswith("&lt;scri<span")


def test_headline_marks_are_added_after_escaping():
    headline = f"<img src=x onerror=alert(1)> {START}Bajwa{STOP} met"
    html = headline_html(SimpleNamespace(), "Bajwa", headline)
    assert html == "&lt;img src=x onerror=alert(1)&gt; <mark>Bajwa</mark> met"


def test_unbalanced_marks_in_the_text_are_dropped():
    headline = f"odd {START} text {START}Bajwa{STOP}"
    assert "<mark>" not in headline_html(SimpleNamespace(), "Bajwa", headline)


def test_snippet_is_cut_around_the_first_match():
    text = "word " * 200 + "Bajwa arrived " + "word " * 200
    cut = snippet(text, ["bajwa"])
    assert f"{START}Bajwa{STOP}" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert len(cut) < 300
