"""The Jinja environments for reports: every user value escaped by default, in both formats.

HTML uses Jinja's autoescaping. Markdown escapes every `{{ … }}` through
`finalize`, so a template cannot forget to. A folder given with
`--template-dir` is searched first, so one template or partial can be
replaced without copying the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)

from coprod_assess.errors import CoprodError
from coprod_assess.loading.reader import display_name
from coprod_assess.report.markdown_text import MarkdownSafe, escape_markdown
from coprod_assess.report.numbers import number, percent
from coprod_assess.resources import templates_dir

Kind = Literal["html", "md"]


def _markdown_finalize(value: Any) -> str:
    return escape_markdown("" if value is None else value)


def environment(kind: Kind, template_dir: Path | None = None) -> Environment:
    """A Jinja environment for one output format."""
    folders = [templates_dir()]
    if template_dir is not None:
        if not template_dir.is_dir():
            raise CoprodError.single(display_name(template_dir), "template-dir", "no such folder")
        folders.insert(0, template_dir)
    loader = ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders])
    options: dict[str, Any] = {
        "loader": loader,
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        env = Environment(autoescape=True, **options)
    else:
        env = Environment(autoescape=False, finalize=_markdown_finalize, **options)
        env.filters["markdown"] = MarkdownSafe
    env.filters["number"] = number
    env.filters["percent"] = percent
    return env


def render(
    kind: Kind, name: str, context: Mapping[str, Any], template_dir: Path | None = None
) -> str:
    """Render one template; a broken user template is a CoprodError naming its file and line."""
    env = environment(kind, template_dir)
    try:
        return env.get_template(name).render(**context)
    except TemplateSyntaxError as err:
        where = err.filename or err.name or name
        raise CoprodError.single(
            display_name(Path(where)), "template", err.message or str(err), err.lineno
        ) from None
    except TemplateNotFound as err:
        raise CoprodError.single(str(err.name), "template", "template not found") from None
    except TemplateError as err:
        raise CoprodError.single(name, "template", err.message or str(err)) from None
