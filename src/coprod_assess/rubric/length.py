"""How long a rubric takes to answer: its questions, words on screen and minutes.

Words on screen are what a person reads to answer: each question's text and help,
and the label and description of each answer option. A rubric's shared scale is
counted once, with its first question: after that it is recognised, not read
again. A question's own options are counted with it. Titles, summaries and
sources are left out. A word is a run of letters or digits, with inner
apostrophes and hyphens ("don't" and "co-production" are one word each).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from coprod_assess.rubric.models import Option, Rubric

# A pace for reading and answering in a room with a mix of reading ages: 3,000 words
# on screen take about 15 minutes.
WORDS_PER_MINUTE = 200

_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")  # ' or a typographic apostrophe


def count_words(text: str) -> int:
    """The number of words in a text."""
    return len(_WORD.findall(text))


def _options_words(options: Iterable[Option]) -> int:
    return sum(count_words(option.label) + count_words(option.description) for option in options)


@dataclass(frozen=True)
class Length:
    """Questions and words on screen, and the minutes they take at WORDS_PER_MINUTE."""

    questions: int = 0
    words: int = 0

    @property
    def minutes(self) -> int:
        """Whole minutes to read and answer, rounded up."""
        return math.ceil(self.words / WORDS_PER_MINUTE)

    def __add__(self, other: Length) -> Length:
        return Length(self.questions + other.questions, self.words + other.words)


def rubric_length(rubric: Rubric) -> Length:
    """The length of a rubric as given: pass `short_form(rubric)` for its short form's."""
    questions = [question for _, question in rubric.questions()]
    words = sum(count_words(q.text) + count_words(q.help) for q in questions)
    words += sum(_options_words(q.options) for q in questions if q.options is not None)
    if any(q.options is None for q in questions):
        words += _options_words(rubric.scale)
    return Length(len(questions), words)


def total_length(rubrics: Iterable[Rubric]) -> Length:
    """The length of several rubrics asked one after another."""
    return sum((rubric_length(rubric) for rubric in rubrics), Length())
