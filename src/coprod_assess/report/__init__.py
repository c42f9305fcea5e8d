"""Reports: the scored assessment rendered as accessible HTML and as Markdown."""
