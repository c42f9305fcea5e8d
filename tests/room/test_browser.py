"""The room in Chromium at phone size (390x844): a whole questionnaire, then axe on every
page type, reflow at 320 px, targets of 44 px, nothing fetched from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import yaml
from playwright.sync_api import expect

from tests.browser import axe_violations
from tests.conftest import DATA
from tests.room.live import LiveRoom, form_token

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
            "lang": "en",
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


def answer_by_http(live: LiveRoom, role: str) -> None:
    """Someone else in the room answers every question (no browser needed)."""
    with httpx.Client(base_url=live.base, timeout=10, follow_redirects=True) as phone:
        page = phone.get(live.join_url)
        phone.post("/start", data={"csrf": form_token(page.text), "role": role})
        for number in range(1, 5):
            page = phone.get(f"/q/{number}")
            phone.post(f"/q/{number}", data={"csrf": form_token(page.text), "answer": "v2"})


def test_a_phone_checks_the_findings_in_the_sense_check(browser: Any, live: LiveRoom) -> None:
    answer_by_http(live, "staff")
    answer_by_http(live, "manager")
    kinds: dict[str, list] = {}
    context = browser.new_context(**PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live.join_url)
    page.get_by_label("Staff member").check()
    page.get_by_role("button", name="Start").click()
    for _ in range(4):
        page.get_by_role("radio").nth(1).check()
        page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="You have reached the end")).to_be_visible()

    projector = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    projector.goto(live.control_url)
    projector.get_by_role("link", name="Close answering").click()
    projector.get_by_role("button", name="Close answering and show the report").click()
    projector.wait_for_url("**/report")
    page.goto(live.base + "/")
    expect(page.get_by_role("heading", name="Answering has closed")).to_be_visible()
    checked(page, kinds, "closed, waiting for the sense-check")

    projector.goto(live.base + "/projector")
    checked(projector, kinds, "projector, answering closed")
    projector.get_by_role("button", name="Start the sense-check").click()
    expect(
        projector.get_by_role("heading", name="Do the findings match your experience?")
    ).to_be_visible()
    checked(projector, kinds, "projector, checking")

    # The waiting phone's script shows it the way in, with no tap.
    page.get_by_role("link", name="Check the findings").click(timeout=12000)
    expect(
        page.get_by_role("heading", name="Do the findings match your experience?")
    ).to_be_visible()
    checked(page, kinds, "the round's first page")
    page.get_by_role("button", name="Check the findings").click()

    expect(page.get_by_text("Finding 1 of 3")).to_be_visible()
    checked(page, kinds, "finding")
    options = page.get_by_role("group", name="Does this match your experience?").get_by_role(
        "radio"
    )
    assert options.count() == 4
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose Yes, Partly, No or Not sure.")
    checked(page, kinds, "finding with an error")
    page.get_by_label("Partly").check()
    page.get_by_label("Add a comment (optional)").fill("Only in some teams")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Finding 2 of 3")).to_be_visible()
    page.get_by_label("Not sure").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("link", name="Back").click()
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("Partly")).to_be_checked()
    expect(page.get_by_label("Add a comment (optional)")).to_have_value("Only in some teams")
    page.get_by_role("link", name="Stop for now, or hand over to the next person").click()
    expect(page.get_by_role("heading", name="Your responses so far are saved")).to_be_visible()
    checked(page, kinds, "pause while checking")
    page.get_by_role("link", name="Carry on checking").click()
    expect(page.get_by_text("Finding 3 of 3")).to_be_visible()
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="You have checked every finding")).to_be_visible()
    checked(page, kinds, "checked every finding")

    late = browser.new_context(**PHONE).new_page()
    late.goto(live.join_url)
    expect(late.get_by_role("heading", name="Which of these describes you best?")).to_be_visible()
    late.get_by_role("button", name="Check the findings").click()
    expect(late.get_by_role("alert")).to_contain_text("Choose the answer that describes you best")
    checked(late, kinds, "the round's first page for a new phone, with an error")
    late.get_by_label("Prefer not to say").check()
    late.get_by_role("button", name="Check the findings").click()
    expect(late.get_by_text("Finding 1 of 3")).to_be_visible()

    projector.reload()
    expect(projector.locator('[data-count="joined"]')).to_have_text("2")
    projector.get_by_role("button", name="End the sense-check").click()
    expect(projector.get_by_text("The sense-check has ended: 1 person checked")).to_be_visible()
    checked(projector, kinds, "projector, the sense-check ended")
    page.reload()
    expect(page.get_by_role("heading", name="The sense-check has ended")).to_be_visible()
    checked(page, kinds, "the sense-check ended")

    check = yaml.safe_load(live.path.read_text(encoding="utf-8"))["sense_check"]
    assert check["people"]["c1"]["role"] == "staff"
    assert list(check["people"]["c1"]["responses"].values()) == [
        {"value": "partly", "note": "Only in some teams"},
        "not-sure",
        "no",
    ]
    assert check["people"]["c2"] == {"role": "not-said", "responses": {}}
    assert [url for url in requests if not url.startswith(live.base)] == []
    for opened in (context, late.context, projector.context):
        opened.close()
