"""What every page shares: a helpful 404, a favicon, a print stylesheet, form fields whose edges can be seen."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.test import override_settings


def test_a_missing_page_answers_404_with_the_site_around_it(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "<h1>Page not found</h1>" in content and "/no-such-page/" in content
    assert 'href="/articles/"' in content  # the way on, not a bare "Not Found"


@override_settings(DEBUG=False)
def test_a_missing_event_gets_the_same_page(client, db):
    response = client.get("/events/424242/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_every_page_names_its_favicon_and_print_stylesheet(client, db):
    content = client.get("/").content.decode()
    assert re.search(r'<link rel="icon" href="/static/favicon\.svg"', content)
    assert re.search(r'<link rel="stylesheet" href="/static/css/print\.css" media="print">', content)
    assert finders.find("favicon.svg") and finders.find("css/print.css")


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_form_field_edges_contrast_at_least_3_to_1_with_the_page():
    css = Path(finders.find("css/parley.css")).read_text()
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    for background in ("paper", "canvas"):
        assert contrast(colours["field-line"], colours[background]) >= 3.0
