"""Answers files: what respondents said."""
