"""The main findings: drawn from the shared result only, in plain words, with stable ids."""

from __future__ import annotations

from coprod_assess.answers.models import AnswersFile
from coprod_assess.demo import demo_answers
from coprod_assess.privacy.redact import share
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.sensecheck.findings import first_sentence, main_findings

CATALOG = load_catalog()


def findings_of(data: dict, min_group: int = 3) -> list:
    full = score_assessment(AnswersFile.model_validate(data), CATALOG)
    return main_findings(share(full, min_group, flags=CATALOG.flags.values()), CATALOG)


def test_the_demo_findings_in_order_with_stable_ids() -> None:
    found = findings_of(demo_answers(CATALOG))
    kinds = [f.id.split("/")[0] for f in found]
    order = {"ladder": 0, "weakest": 0, "gap": 1, "flag": 2, "priority": 3}
    assert kinds == sorted(kinds, key=order.__getitem__)  # each ladder with its weakest area
    ids = [f.id for f in found]
    assert "ladder/arnstein-ladder" in ids and "ladder/tlap-ladder" in ids
    assert len(ids) == len(set(ids))
    assert sum(kind == "priority" for kind in kinds) <= 3
    assert sum(kind == "gap" for kind in kinds) <= 2
    assert findings_of(demo_answers(CATALOG)) == found  # the same answers, the same words
    for finding in found:
        assert "%" not in finding.text and "rung 3.5" not in finding.text


def test_a_finding_never_tells_more_than_the_shared_result() -> None:
    """With too few people per side to compare them, no gap is a finding; with too few
    people at all, no finding is drawn."""
    data = demo_answers(CATALOG)
    found = findings_of(data, min_group=6)  # 5 with lived experience, 5 professionals
    assert not [f for f in found if f.id.startswith("gap/")]
    assert not [f for f in found if f.id == "flag/illusion-of-co-production"]
    assert findings_of(data, min_group=11) == []


def test_first_sentence_says_something() -> None:
    assert first_sentence("Sometimes called capacity. People bring skills and time. More.") == (
        "Sometimes called capacity. People bring skills and time."
    )
    assert first_sentence("People are asked,\n  but nobody promises. Then more.") == (
        "People are asked, but nobody promises."
    )
    assert first_sentence("No full stop at all") == "No full stop at all"
