"""The room in Welsh and in Easy Read, in Chromium at phone size: axe finds nothing, nothing
scrolls sideways, and Easy Read's picture sits beside (or, on a phone, above) large words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations
from tests.room.languages import voice_rubric
from tests.room.live import LiveRoom
from tests.room.test_browser import PHONE, fits, small_targets


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveRoom]:
    args = ["--rubric", str(voice_rubric(tmp_path)), "--only", "voice"]
    args += ["--organisation", "Riverside Forum", "--period", "2026"]
    server = LiveRoom(tmp_path / "answers.yaml", args).start()
    yield server
    server.kill()


def checked(page: Any, name: str) -> None:
    """Axe, reflow and target size on the page as it is now."""
    assert axe_violations(page) == [], name
    assert fits(page) == [], name
    assert small_targets(page) == [], name


def smallest_text(page: Any) -> tuple[float, str]:
    """The smallest font size, in CSS px, of any text shown on the page, and that text."""
    size, text = page.evaluate(
        """() => {
        let smallest = [Infinity, ''];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) {
          const node = walk.currentNode;
          const el = node.parentElement;
          if (!node.textContent.trim() || !el.getClientRects().length) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < smallest[0]) smallest = [size, node.textContent.trim()];
        }
        return smallest;
    }"""
    )
    return float(size), str(text)


def boxes(page: Any) -> dict[str, dict[str, float]]:
    """Where the picture and the question's words are."""
    return dict(
        page.evaluate(
            """() => Object.fromEntries(['.with-picture img', '.with-picture h1'].map((s) => {
            const r = document.querySelector(s).getBoundingClientRect();
            return [s.split(' ')[1], {left: r.left, right: r.right, top: r.top,
                                     bottom: r.bottom, width: r.width}];
        }))"""
        )
    )


def test_a_welsh_phone_answers_in_welsh(browser: Any, live: LiveRoom) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live.join_url)
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    page.get_by_role("button", name="Cymraeg").click()
    expect(page.get_by_role("heading", name="Croeso")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "cy"
    checked(page, "welcome in Welsh")
    page.get_by_role("button", name="Dechrau").click()
    expect(page.get_by_role("alert")).to_contain_text("Dewiswch yr ateb")
    checked(page, "welcome in Welsh, with an error")
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Dechrau").click()

    expect(page.get_by_text("Cwestiwn 1 o 4")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Mae pobl sy'n defnyddio'r gwasanaeth yn helpu i osod y gyllideb."
    )
    checked(page, "question in Welsh")
    page.get_by_role("button", name="Nesaf").click()
    expect(page.get_by_role("alert")).to_be_visible()
    checked(page, "question in Welsh, with an error")
    page.get_by_label("Yn aml").check()
    expect(page.get_by_label("Yn aml")).to_be_checked()
    beside = page.evaluate(
        "getComputedStyle(document.querySelector('input:checked + label .label'), '::after')"
        ".content"
    )
    assert beside == '" (wedi\'i ddewis)"', "the chosen answer says so in Welsh"
    page.get_by_role("button", name="Nesaf").click()
    expect(page.get_by_text("Cwestiwn 2 o 4")).to_be_visible()
    # The small bar offers the other languages; English comes back to the same question.
    page.get_by_role("navigation", name="Iaith").get_by_role("button", name="English").click()
    expect(page.get_by_text("Question 2 of 4")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert [url for url in requests if not url.startswith(live.base)] == []
    context.close()


@pytest.mark.parametrize("width", [390, 320])
def test_an_easy_read_phone_sees_pictures_and_large_words(
    browser: Any, live: LiveRoom, width: int
) -> None:
    context = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 844}})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live.join_url)
    page.get_by_role("button", name="Easy Read").click()
    expect(page.get_by_text("There are 2 questions.")).to_be_visible()
    checked(page, "welcome in Easy Read")
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_text("Question 1 of 2")).to_be_visible()
    picture = page.get_by_role("img", name="A pile of coins and a hand pointing at it.")
    expect(picture).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "en"
    checked(page, "question in Easy Read")
    size, text = smallest_text(page)
    assert size >= 19, f"Easy Read text is at least 14pt: {text!r} is {size}px"
    found = boxes(page)
    img, words = found["img"], found["h1"]
    # On a phone the picture stands above the words, whole, inside the screen.
    assert img["bottom"] <= words["top"] + 1
    assert img["left"] >= 0 and img["right"] <= width and img["width"] >= 100
    answers = page.get_by_role("group").get_by_role("radio")
    assert answers.count() == 6
    labels = "[...document.querySelectorAll('.choice label')]"
    heights = page.evaluate(f"{labels}.map((label) => label.getBoundingClientRect().height)")
    assert min(heights) >= 60, "large answer buttons"
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert")).to_be_visible()
    checked(page, "question in Easy Read, with an error")
    page.get_by_label("A lot").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 2 of 2")).to_be_visible()
    expect(
        page.get_by_role("img", name="Two people sitting at a table and talking.")
    ).to_be_visible()
    page.get_by_label("I do not know").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="You have finished")).to_be_visible()
    checked(page, "done in Easy Read")
    size, text = smallest_text(page)
    assert size >= 19, f"{text!r} is {size}px"
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    page.goto(live.base + "/q/1")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert fits(page) == [], "at 200% text the page scrolls sideways"
    assert [url for url in requests if not url.startswith(live.base)] == []
    context.close()


def test_on_a_wider_screen_the_picture_is_left_of_the_words(browser: Any, live: LiveRoom) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.goto(live.join_url)
    page.get_by_role("button", name="Easy Read").click()
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 2")).to_be_visible()
    found = boxes(page)
    assert found["img"]["right"] <= found["h1"]["left"], "the picture on the left"
    assert found["img"]["top"] < found["h1"]["bottom"], "beside the words"
    assert fits(page) == []
    context.close()
