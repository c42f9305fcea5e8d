"""The QR code of the join address, as inline SVG (nothing fetched, sharp at any size)."""

from __future__ import annotations


def qr_svg(url: str, label: str) -> str:
    """An SVG QR code for `url`, named for screen readers by `label`."""
    import segno
    from markupsafe import escape

    code = segno.make(url, error="m")
    svg: str = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
