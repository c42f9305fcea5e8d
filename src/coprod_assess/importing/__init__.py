"""Importing answers from online-form exports (Microsoft Forms, Google Forms, any CSV)."""
