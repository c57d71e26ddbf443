"""Detail links on list pages are made without reversing each one, and are the same URLs {% url %} gives."""

from django.urls import clear_script_prefix, reverse, set_script_prefix

from entities.templatetags.parley import event_url, official_url


def test_links_are_the_reversed_urls():
    assert event_url(7) == reverse("entities:event_detail", args=[7])
    assert official_url("12") == reverse("entities:official_detail", args=[12])


def test_links_follow_the_script_prefix_the_site_is_mounted_under():
    set_script_prefix("/parley/")
    try:
        assert official_url(3) == "/parley/officials/3/" == reverse("entities:official_detail", args=[3])
    finally:
        clear_script_prefix()
    assert official_url(3) == "/officials/3/"
