"""Rubric, roles and flags files: models, loading and checks."""
