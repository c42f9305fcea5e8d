"""The Jinja environments for reports: every user value escaped by default, in both formats.

HTML uses Jinja's autoescaping. Markdown escapes every `{{ … }}` through
`finalize`, so a template cannot forget to. A folder given with
`--template-dir` is searched first, so one template or partial can be
replaced without copying the rest. Every template runs in Jinja's immutable
sandbox: a template from someone else cannot reach Python's internals, change
the data, or call more than the methods of the values it is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from jinja2.sandbox import ImmutableSandboxedEnvironment

from coprod_assess.errors import CoprodError
from coprod_assess.loading.reader import display_name
from coprod_assess.report.markdown_text import MarkdownSafe, escape_markdown
from coprod_assess.report.numbers import number, percent
from coprod_assess.resources import templates_dir
from coprod_assess.wording import people_words

Kind = Literal["html", "md"]


def _markdown_finalize(value: Any) -> str:
    return escape_markdown("" if value is None else value)


def _folders(template_dir: Path | None) -> list[Path]:
    if template_dir is None:
        return [templates_dir()]
    if not template_dir.is_dir():
        raise CoprodError.single(display_name(template_dir), "template-dir", "no such folder")
    return [template_dir, templates_dir()]


def environment(kind: Kind, template_dir: Path | None = None) -> Environment:
    """A sandboxed Jinja environment for one output format."""
    loader = ChoiceLoader([FileSystemLoader(str(folder)) for folder in _folders(template_dir)])
    options: dict[str, Any] = {
        "loader": loader,
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        # `{% trans %}` and `_()` in templates read the catalogs of the language in use.
        "extensions": ["jinja2.ext.i18n"],
    }
    if kind == "html":
        env = ImmutableSandboxedEnvironment(autoescape=True, **options)
    else:
        env = ImmutableSandboxedEnvironment(
            autoescape=False, finalize=_markdown_finalize, **options
        )
        env.filters["markdown"] = MarkdownSafe
    install_gettext(env)
    env.filters["number"] = number
    env.filters["percent"] = percent
    env.filters["people"] = people_words
    return env


def install_gettext(env: Environment) -> None:
    """`_()`, `gettext()`, `ngettext()` and `{% trans %}` in templates, in the language in
    use when the template is rendered (the command's, or in the room the phone's)."""
    from coprod_assess import i18n

    env.policies["ext.i18n.trimmed"] = True  # as `make catalogs` extracts them
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n._, ngettext=i18n.ngettext, pgettext=i18n.pgettext, newstyle=True
    )
    env.globals["lang"] = i18n.current
    env.globals["html_lang"] = lambda: i18n.base_language(i18n.current())


def render(
    kind: Kind, name: str, context: Mapping[str, Any], template_dir: Path | None = None
) -> str:
    """Render one template; a broken user template is a CoprodError naming its file and line.

    So is anything a template from `--template-dir` raises, such as reaching for
    an unsafe attribute; an error raised in a built-in template stays a bug.
    """
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
    except Exception as err:
        file, line = _template_line(err, _folders(template_dir))
        from_user = template_dir is not None and file.is_relative_to(template_dir.resolve())
        if not (isinstance(err, TemplateError) or from_user):
            raise
        message = err.message if isinstance(err, TemplateError) else None
        raise CoprodError.single(
            display_name(file) if line else name,
            "template",
            message or f"{type(err).__name__}: {err}",
            line,
        ) from None


def _template_line(err: BaseException, folders: Sequence[Path]) -> tuple[Path, int]:
    """The innermost template file and line the error went through; line 0 if none."""
    # Jinja rewrites the traceback so that template frames carry the file and line.
    roots = [folder.resolve() for folder in folders]
    where = (Path(), 0)
    tb = err.__traceback__
    while tb is not None:
        path = Path(tb.tb_frame.f_code.co_filename).resolve()
        if any(path.is_relative_to(root) for root in roots):
            where = (path, tb.tb_lineno)
        tb = tb.tb_next
    return where
