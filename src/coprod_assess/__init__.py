"""coprod-assess: measure how real your co-production is."""

__version__ = "0.1.0"
