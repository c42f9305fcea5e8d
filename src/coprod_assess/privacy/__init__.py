"""The one privacy step every output passes through (`redact.share`).

This package's top level stays light: the CLI reads the default threshold
from it without importing the scoring code.
"""

DEFAULT_MIN_GROUP = 3
"""The anonymity threshold: no figure shown comes from fewer people than this."""
