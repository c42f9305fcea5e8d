"""The room in Chromium at phone size (390x844): a whole questionnaire, then axe on every
page type, reflow at 320 px, targets of 44 px, nothing fetched from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser import axe_violations
from tests.conftest import DATA
from tests.room.live import LiveRoom

ARGS = ["--rubric", str(DATA / "rubrics"), "--only", "sharing-power"]
ARGS += ["--organisation", "Riverside Forum", "--period", "2026"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveRoom]:
    server = LiveRoom(tmp_path / "answers.yaml", ARGS).start()
    yield server
    server.kill()


def fits(page: Any) -> list[str]:
    """What is wider than the screen (nothing should be: no sideways scrolling)."""
    return page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth;
        const wide = [];
        if (document.documentElement.scrollWidth > width) wide.push('the page');
        for (const el of document.querySelectorAll('body *')) {
          const box = el.getBoundingClientRect();
          if (box.width && box.right > width + 1) wide.push(el.tagName + '.' + el.className);
        }
        return wide;
    }"""
    )


CONTROLS = "button, a.button, .choice label, summary, input[type=text], textarea"


def small_targets(page: Any) -> list[str]:
    """Controls smaller than 44x44 CSS px (radio buttons count by their whole label)."""
    return page.evaluate(
        """(controls) => {
        const small = [];
        for (const el of document.querySelectorAll(controls)) {
          const box = el.getBoundingClientRect();
          if (box.width && (box.height < 44 || box.width < 44)) {
            small.push(el.outerHTML.slice(0, 80));
          }
        }
        return small;
    }""",
        CONTROLS,
    )


def checked(page: Any, kinds: dict[str, list], name: str) -> None:
    """Axe, reflow and target size on the page as it is now, remembered under `name`."""
    kinds[name] = axe_violations(page)
    assert kinds[name] == [], (name, kinds[name])
    assert fits(page) == [], name
    assert small_targets(page) == [], name


def text_lefts(page: Any) -> tuple[float, float]:
    """Where the header bar's text starts and where the heading's text starts."""
    return page.evaluate(
        """() => [document.querySelector('.top p'), document.querySelector('main h1')]
        .map((el) => { const r = document.createRange(); r.selectNodeContents(el);
                       return r.getBoundingClientRect().left; })"""
    )


def test_a_phone_answers_the_whole_questionnaire(browser: Any, live: LiveRoom) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    kinds: dict[str, list] = {}

    page.goto(live.base + "/")
    expect(page.get_by_role("heading", name="Join the workshop")).to_be_visible()
    checked(page, kinds, "code")
    page.get_by_label("Room code").fill("WRONG1")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("alert")).to_be_visible()
    checked(page, kinds, "code with an error")

    page.goto(live.join_url)
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    checked(page, kinds, "welcome")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose the answer that describes you best")
    page.get_by_label("Family member or carer").check()
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_text("Question 1 of 4")).to_be_visible()
    checked(page, kinds, "question")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert")).to_be_visible()
    checked(page, kinds, "question with an error")
    page.get_by_text("More about this").click()
    options = page.get_by_role("group").get_by_role("radio")
    assert options.count() == 6  # four options, don't know, not applicable
    options.nth(2).check()
    page.get_by_label("Add a note (optional)").fill("We only hear after it is decided")
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("Question 2 of 4")).to_be_visible()
    page.get_by_label("Don't know").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("Don't know")).to_be_checked()
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("Add a note (optional)")).to_have_value(
        "We only hear after it is decided"
    )
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()  # keeps "don't know"
    page.get_by_role("radio").nth(3).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Not applicable").check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="You have reached the end")).to_be_visible()
    checked(page, kinds, "done")
    page.goto(live.base + "/pause")
    checked(page, kinds, "pause")

    saved = yaml.safe_load(live.path.read_text(encoding="utf-8"))["respondents"]
    assert saved == [
        {
            "id": "r1",
            "role": "family-carer",
            "answers": {
                "sharing-power": {
                    "money-1": {"value": 2, "note": "We only hear after it is decided"},
                    "money-2": {"skip": "dont-know"},
                    "decisions-1": 3,
                    "decisions-2": {"skip": "not-applicable"},
                }
            },
        }
    ]

    page.get_by_role("button", name="Next person").click()
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    assert "We only hear" not in page.content(), "the last person's answers came back"

    projector = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    projector.goto(live.control_url)
    expect(projector.get_by_role("heading", name="Answer on your phone")).to_be_visible()
    expect(projector.get_by_role("img", name="QR code: scan it to join")).to_be_visible()
    checked(projector, kinds, "projector")
    top, heading = text_lefts(projector)
    assert abs(top - heading) < 1, "the header bar's text does not line up with the page's"
    projector.get_by_role("link", name="Close answering").click()
    checked(projector, kinds, "close")
    projector.get_by_role("button", name="Close answering and show the report").click()
    projector.wait_for_url("**/report")
    expect(projector.get_by_role("heading", level=1).first).to_be_visible()
    kinds["report"] = axe_violations(projector)
    assert kinds["report"] == []
    page.goto(live.base + "/q/1")
    expect(page.get_by_role("heading", name="Answering has closed")).to_be_visible()
    checked(page, kinds, "closed")

    assert [url for url in requests if not url.startswith(live.base)] == []
    context.close()
    projector.context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_question_pages_reflow_and_follow_the_phones_text_size(
    browser: Any, live: LiveRoom, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.goto(live.join_url)
    page.get_by_label("Person who uses services").check()
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/q/1")
    assert fits(page) == []
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert fits(page) == [], "at 200% text the page scrolls sideways"
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    assert size >= 40, "headings grow with the text size"
    context.close()


def test_the_projector_counts_keep_up_without_a_reload(browser: Any, live: LiveRoom) -> None:
    projector = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    projector.goto(live.control_url)
    expect(projector.locator('[data-count="joined"]')).to_have_text("0")
    projector.evaluate("window.stillThisPage = true")
    phone = browser.new_context(**PHONE).new_page()
    phone.goto(live.join_url)
    phone.get_by_label("Person who uses services").check()
    phone.get_by_role("button", name="Start").click()
    phone.wait_for_url("**/q/1")
    expect(projector.locator('[data-count="joined"]')).to_have_text("1", timeout=8000)
    expect(projector.locator('[data-count="lived"]')).to_have_text("fewer than 3")
    assert projector.evaluate("window.stillThisPage === true"), "counted by a reload"
    phone.context.close()
    projector.context.close()
