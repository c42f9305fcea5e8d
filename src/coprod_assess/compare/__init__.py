"""Comparing assessments: two with diff, several periods with trend."""
