"""The sense-check round: the main findings in plain words, put back to the people who took
part, and what they said of them."""
