"""Coming back to a report: checking the reference and secret (guarded against guessing), the
diary of further incidents, status in plain words, and feedback on the service."""
