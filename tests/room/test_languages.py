"""Each phone in its own language: English, Cymraeg and Easy Read in one workshop, over
HTTP. Easy Read asks the short form with pictures; the projector keeps the workshop's
language; one answers file and one report hold everyone."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from coprod_assess.answers.models import AnswersFile
from coprod_assess.loading.document import load_document
from coprod_assess.loading.validate import validate
from tests.room.conftest import Phone, RoomUnderTest, csrf_of, shown
from tests.room.languages import FIRST, Texts, choose, join_in, language_room, page_texts

CORE = ["money-1", "decisions-1"]
EVERY = ["money-1", "money-2", "decisions-1", "decisions-2"]


def answer_all(phone: Phone, note: str) -> int:
    """Answer every question the phone is asked (the second option, with a note); how
    many there were."""
    number = 1
    while True:
        reply = phone.answer(number, "v2", note=note)
        assert reply.status_code == 303, reply.text
        if reply.headers["location"] == "/done":
            return number
        number += 1


def three_phones(under_test: RoomUnderTest) -> dict[str, Phone]:
    """A Welsh phone, an Easy Read phone and an English one (the room's own language)."""
    return {
        "cy": join_in(under_test, "cy", "staff"),
        "en-easy": join_in(under_test, "en-easy", "person-using-services"),
        "en": join_in(under_test, None, "family-carer"),
    }


def html_lang(page: str) -> str:
    found = re.search(r'<html lang="([^"]+)">', page)
    assert found, page[:200]
    return found.group(1)


def test_three_phones_answer_in_three_languages_into_one_file(tmp_path: Path) -> None:
    room = language_room(tmp_path)
    phones = three_phones(room)
    for lang, phone in phones.items():
        assert FIRST[lang] in shown(phone.client.get("/q/1")), lang
    counts = {
        lang: answer_all(phone, f"a note from the {lang} phone") for lang, phone in phones.items()
    }
    assert counts == {"cy": 4, "en-easy": 2, "en": 4}

    people = {person["lang"]: person for person in room.people()}
    assert set(people) == {"cy", "en-easy", "en"}
    assert people["en-easy"]["form"] == "short"
    assert "form" not in people["cy"] and "form" not in people["en"]
    assert list(people["cy"]["answers"]["voice"]) == EVERY
    assert list(people["en"]["answers"]["voice"]) == EVERY
    assert list(people["en-easy"]["answers"]["voice"]) == CORE
    for person in people.values():
        assert person["answers"]["voice"]["money-1"]["value"] == 2
    validate(AnswersFile, load_document(room.path))
    assert room.room.counts().finished == 3, "the Easy Read phone finished its short form"


def test_the_report_of_that_file_holds_all_three(tmp_path: Path, cli: Any) -> None:
    room = language_room(tmp_path)
    for lang, phone in three_phones(room).items():
        answer_all(phone, f"A note from the {lang} phone.")
    out = tmp_path / "out.md"
    rubrics = str(tmp_path / "rubrics")
    result = cli("report", str(room.path), "--rubric", rubrics, "--format", "md", "-o", str(out))
    assert result.exit_code == 0, result.output
    report = out.read_text("utf-8")
    assert "3 people answered" in report
    for lang in ("cy", "en-easy", "en"):
        assert f"A note from the {lang} phone." in report


def test_the_welsh_phones_pages_are_in_welsh(tmp_path: Path) -> None:
    room = language_room(tmp_path)
    english, welsh = room.phone(), room.phone()
    for phone in (english, welsh):
        phone.scan()
    choose(welsh, "cy")
    both = (english, welsh)

    def each(url: str) -> tuple[str, str]:
        return english.client.get(url).text, welsh.client.get(url).text

    def posted(url: str, data: dict[str, str]) -> tuple[str, str]:
        first, second = (
            phone.post(url, data, page=url if url != "/start" else "/") for phone in both
        )
        return first.text, second.text

    seen = {"welcome": each("/"), "welcome with an error": posted("/start", {})}
    for phone in both:
        assert phone.post("/start", {"role": "staff"}, page="/").status_code == 303
    seen |= {"question": each("/q/1"), "pause": each("/pause")}
    seen["question with an error"] = posted("/q/1", {"answer": "nonsense"})
    for phone in both:
        answer_all(phone, "")
    seen |= {"done": each("/done"), "no such page": each("/nowhere")}

    # Words the room itself gives, the same in any language.
    same = {"Riverside Forum", "K7M-4QX", "English", "Cymraeg", "Easy Read", "v2"}
    for name, (in_english, in_welsh) in seen.items():
        assert html_lang(in_english) == "en" and html_lang(in_welsh) == "cy", name
        english_words = set(page_texts(in_english, "en"))
        welsh_words = page_texts(in_welsh, "cy")
        left = [
            text
            for text in welsh_words
            if text in english_words and text not in same and not re.fullmatch(r"[\d\W]+", text)
        ]
        assert left == [], (name, left)
        assert len(welsh_words) >= 4, name


def test_language_names_are_each_in_their_own_language(tmp_path: Path) -> None:
    room = language_room(tmp_path)
    phone = room.phone()
    phone.scan()
    welcome = phone.client.get("/").text
    assert '<span lang="en">English</span> (chosen)' in welcome
    assert 'class="button secondary" name="lang" value="cy" lang="cy">Cymraeg</button>' in welcome
    assert 'value="en-easy" lang="en">Easy Read</button>' in welcome
    choose(phone, "cy")
    welcome = phone.client.get("/").text
    assert '<span lang="cy">Cymraeg</span> (wedi\'i ddewis)' in welcome
    assert 'value="en" lang="en">English</button>' in welcome
    # A page past the welcome offers the other two, small, in a bar of their own.
    phone.post("/start", {"role": "staff"}, page="/")
    question = phone.client.get("/q/1").text
    bar = question.split('<nav class="languages" aria-label="Iaith">', 1)[1].split("</nav>")[0]
    assert 'value="en" lang="en">English</button>' in bar
    assert 'value="en-easy" lang="en">Easy Read</button>' in bar
    assert "Cymraeg" not in bar
    # The code page, before joining, offers them too.
    stranger = room.phone()
    code = stranger.client.get("/").text
    assert "Join the workshop" in code and 'value="cy" lang="cy">Cymraeg</button>' in code


def test_the_easy_read_phone_sees_only_the_core_questions_with_their_pictures(
    tmp_path: Path,
) -> None:
    room = language_room(tmp_path)
    phone = room.phone()
    phone.scan()
    choose(phone, "en-easy")
    welcome = shown(phone.client.get("/"))
    assert "There are 2 questions." in welcome, "the short form's count"
    assert 'class="phone easy"' in welcome
    phone.post("/start", {"role": "person-using-services"}, page="/")
    pictures = []
    for number, alt in [
        (1, "A pile of coins and a hand pointing at it."),
        (2, "Two people sitting at a table and talking."),
    ]:
        page = phone.client.get(f"/q/{number}").text
        assert f"Question {number} of 2" in page
        found = re.search(
            r'<img src="(data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+)" alt="([^"]+)">', page
        )
        assert found, page
        assert shown_alt(found.group(2)) == alt
        pictures.append(found.group(1).split(";")[0])
        assert '<legend class="with-picture">' in page
        assert "I do not know" in page and "Does not apply to me" in page
        # Nothing on the page is fetched from elsewhere.
        assert not re.search(r'src="(?!data:|/static/)', page)
        phone.answer(number, "v3")
    assert pictures == ["data:image/svg+xml", "data:image/png"]
    assert phone.client.get("/q/3", follow_redirects=False).headers["location"] == "/done"
    person = room.people()[0]
    assert person["lang"] == "en-easy" and person["form"] == "short"
    assert list(person["answers"]["voice"]) == CORE
    # The room's security policy lets a picture inside the page show, nothing else.
    policy = phone.client.get("/q/1").headers["content-security-policy"]
    assert "img-src 'self' data:;" in policy


def shown_alt(text: str) -> str:
    import html

    return html.unescape(text)


def test_english_and_welsh_pages_show_no_picture(tmp_path: Path) -> None:
    room = language_room(tmp_path)
    for lang in ("cy", None):
        page = join_in(room, lang).client.get("/q/1").text
        assert "<img" not in page and "with-picture" not in page


def test_easy_read_in_a_short_form_workshop_records_no_form_of_its_own(tmp_path: Path) -> None:
    room = language_room(tmp_path, short=True)
    phone = join_in(room, "en-easy")
    assert answer_all(phone, "") == 2
    person = room.people()[0]
    assert person["lang"] == "en-easy" and "form" not in person


def test_a_tampered_or_unknown_language_cookie_falls_back(tmp_path: Path) -> None:
    room = language_room(tmp_path, lang="cy")
    phone = room.phone()
    phone.scan()
    chosen = phone.cookie("lang")
    assert chosen is None
    choose(phone, "en")
    signed = phone.cookie("lang")
    assert signed is not None and "Welcome" in phone.client.get("/").text
    for value in [
        "en-easy" + signed[2:],  # the value changed, the signature kept
        "en." + "A" * 22,  # a signature made up
        room.keys.sign("lang", "fr"),  # signed by the room, but no language here
        room.keys.sign("lang", "cy-easy"),  # a language the phones are not offered
        room.keys.sign("person", "en"),  # signed for something else
        "",
    ]:
        phone.set_cookie("lang", value)
        page = phone.client.get("/").text
        assert "Croeso" in page and html_lang(page) == "cy", value
    # A language the room does not offer is not taken from the form either.
    phone.set_cookie("lang", signed)
    html = phone.client.get("/").text
    reply = phone.client.post("/language", data={"csrf": csrf_of(html), "lang": "fr", "next": "/"})
    assert "Welcome" in reply.text
    # Nor from a page that is not the room's own.
    reply = phone.client.post("/language", data={"csrf": "forged", "lang": "cy", "next": "/"})
    assert reply.status_code == 403 and phone.cookie("lang") == signed


def test_choosing_a_language_comes_back_to_the_same_page_and_nowhere_else(tmp_path: Path) -> None:
    room = language_room(tmp_path)
    phone = join_in(room, None)
    phone.answer(1, "v1")
    html = phone.client.get("/q/2").text
    token = csrf_of(html)
    for given, back in [
        ("/q/2", "/q/2"),
        ("/pause", "/pause"),
        ("/check/3", "/check/3"),
        ("//evil.example/", "/"),
        ("https://evil.example/q/1", "/"),
        ("/q/2?x=1", "/"),
        ("/start", "/"),
        ("", "/"),
    ]:
        reply = phone.client.post(
            "/language",
            data={"csrf": token, "lang": "cy", "next": given},
            follow_redirects=False,
        )
        assert reply.status_code == 303 and reply.headers["location"] == back, given
    # Changing language mid-way changes the words, not the questions asked.
    choose(phone, "en-easy", "/q/2")
    page = phone.client.get("/q/2").text
    assert "Question 2 of 4" in page and 'class="phone easy"' in page
    assert "<img" not in page, "money-2 has no Easy Read picture"
    assert room.people()[0]["lang"] == "en" and "form" not in room.people()[0]


def test_the_projector_keeps_the_workshops_language_whatever_a_phone_chose(
    tmp_path: Path,
) -> None:
    room = language_room(tmp_path, lang="cy")
    facilitator = room.projector()
    page = facilitator.get("/projector").text
    assert html_lang(page) == "cy"
    assert "Atebwch ar eich ffôn" in page and 'aria-label="Cod QR: sganiwch ef i ymuno"' in page
    assert '<nav class="languages"' not in page, "no language picker for the facilitator"
    # A language cookie in the facilitator's browser changes nothing there.
    facilitator.cookies.set(f"coprod-{room.keys.room_id}-lang", room.keys.sign("lang", "en"))
    assert "Atebwch ar eich ffôn" in facilitator.get("/projector").text
    assert "Cau'r holiadur nawr?" in facilitator.get("/projector/close").text
    # Phones start in the workshop's language and may choose another.
    phone = room.phone()
    phone.scan()
    assert "Croeso" in phone.client.get("/").text
    choose(phone, "en")
    assert "Welcome" in phone.client.get("/").text
    assert phone.post("/start", {"role": "staff"}, page="/").status_code == 303
    phone.answer(1, "v2")
    counts = facilitator.get("/projector/counts").json()
    assert counts["lived"] == "0" and counts["professional"] == "llai na 3"
    # The terminal hears the workshop's language too.
    reply = facilitator.post(
        "/projector/close",
        data={"csrf": csrf_of(facilitator.get("/projector/close").text)},
        follow_redirects=False,
    )
    assert reply.status_code == 303
    assert room.said[-1].startswith("Mae'r holiadur wedi cau.")
    # The English phone is told in English that answering has closed.
    assert "Answering has closed" in phone.client.get("/").text


def test_every_phone_page_has_the_right_html_lang(tmp_path: Path) -> None:
    room = language_room(tmp_path)
    for lang, expected in [("cy", "cy"), ("en-easy", "en"), ("en", "en")]:
        phone = join_in(room, lang)
        for url in ["/", "/q/1", "/pause", "/report", "/nowhere"]:
            page = phone.client.get(url).text
            assert html_lang(page) == expected, (lang, url)


def test_the_sense_check_pages_follow_the_phones_language(tmp_path: Path) -> None:
    room = language_room(tmp_path, min_group=1)
    phones = three_phones(room)
    for phone in phones.values():
        answer_all(phone, "")
    facilitator = room.projector()
    facilitator.post(
        "/projector/close",
        data={"csrf": csrf_of(facilitator.get("/projector/close").text)},
    )
    page = facilitator.get("/projector").text
    facilitator.post("/projector/check", data={"csrf": csrf_of(page)})
    assert room.room.sense_check.open
    findings = yaml.safe_load(room.path.read_text("utf-8"))["sense_check"]["findings"]
    first = next(iter(findings.values()))

    welsh = phones["cy"]
    closed = shown(welsh.client.get("/"))
    assert "Nawr, ydy'r prif ganfyddiadau'n cyd-fynd â'ch profiad chi?" in closed
    start = shown(welsh.client.get("/check"))
    assert "Ydy'r canfyddiadau'n cyd-fynd â'ch profiad chi?" in start
    assert html_lang(start) == "cy"
    assert welsh.post("/check/start", {}, page="/check").headers["location"] == "/check/1"
    finding = welsh.client.get("/check/1").text
    assert "Canfyddiad 1 o" in finding
    # The finding as the answers file keeps it, in English, marked so.
    assert f'<h1 class="finding" id="finding" lang="en">{_escaped(first)}</h1>' in finding
    assert '<span class="label">Yn rhannol</span>' in finding
    wrong = shown(welsh.post("/check/1", {"match": "perhaps"}))
    assert "Dewiswch Ydy, Yn rhannol, Nac ydy neu Ddim yn siŵr." in wrong
    for number in range(1, len(findings) + 1):
        assert welsh.post(f"/check/{number}", {"match": "partly"}).status_code == 303
    done = shown(welsh.client.get("/check/done"))
    assert "Rydych chi wedi gwirio pob canfyddiad" in done

    easy = phones["en-easy"]
    easy.post("/check/start", {}, page="/check")
    page = easy.client.get("/check/1").text
    assert "Is this true for you?" in page and "A bit" in page
    assert 'lang="en"' not in page.split('<main id="main">')[1], "English on an English page"
    english = phones["en"]
    english.post("/check/start", {}, page="/check")
    assert "Does this match your experience?" in english.client.get("/check/1").text


def _escaped(text: str) -> str:
    import html

    return html.escape(text)


def test_a_workshop_in_welsh_speaks_welsh_to_the_terminal(tmp_path: Path) -> None:
    from coprod_assess.i18n import using
    from coprod_assess.room.serve import obey

    room = language_room(tmp_path, lang="cy")
    join_in(room, "en").answer(1, "v2")
    with using("cy"):  # as `coprod workshop --lang cy` sets it
        obey(room.room, "open")
        assert room.said[-1] == "Mae'r holiadur ar agor yn barod."
        obey(room.room, "")
        assert room.said[-1] == (
            "Wedi ymuno 1, wedi gorffen 0 (0 â phrofiad bywyd, llai na 3 yn weithwyr proffesiynol)."
        )


def test_the_texts_helper_leaves_out_words_marked_as_another_language() -> None:
    parser = Texts("cy")
    parser.feed('<html lang="cy"><p>Croeso</p><p lang="en">Welcome</p><img alt="x"><p>Diolch</p>')
    assert parser.texts == ["Croeso", "Diolch"]


def test_a_welsh_workshops_report_and_findings_are_welsh(
    tmp_path: Path,
) -> None:
    from coprod_assess.i18n import using
    from coprod_assess.sensecheck.draw import draw_findings

    room = language_room(tmp_path, lang="cy", min_group=1)
    for phone in three_phones(room).values():
        answer_all(phone, "")
    # Closed from anywhere (here a thread in English), the report is in the workshop's.
    closed = room.room.close()
    assert closed.report is not None
    assert html_lang(closed.report.read_text("utf-8")) == "cy"
    # Started from anywhere (here a thread in English), the findings are drawn in the
    # workshop's language, and the file says which.
    assert room.room.sense_check.start().findings > 0
    check = yaml.safe_load(room.path.read_text("utf-8"))["sense_check"]
    with using("cy"):
        drawn, _ = draw_findings(room.path, [tmp_path / "rubrics"], min_group=1)
    assert check["findings"] == {finding.id: finding.text for finding in drawn}
    assert check["lang"] == "cy"
    # An English phone sees the Welsh words, marked as Welsh.
    assert room.room.sense_check.finding(0, "en")[1] == "cy"


def test_the_word_beside_a_chosen_answer_is_in_the_pages_language(tmp_path: Path) -> None:
    room = language_room(tmp_path)
    for lang, word in [("cy", "(wedi'i ddewis)"), ("en-easy", "(picked)"), (None, "(chosen)")]:
        phone = join_in(room, lang)
        page = phone.client.get("/q/1").text
        found = re.search(r'<link rel="stylesheet" href="(/static/words-[a-z-]+\.css)">', page)
        assert found, page[:600]
        sheet = phone.client.get(found.group(1))
        assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/css")
        assert f'content: " {word}"' in sheet.text
    assert room.phone().client.get("/static/words-fr.css").status_code == 404
