"""Forms to build online from the rubrics: an XLSForm for ODK and KoboToolbox, and a CSV
template a facilitator copies into a Google or Microsoft form."""
