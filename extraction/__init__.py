"""The pure extraction layer: a spaCy Doc in, plain dataclasses out; no ORM anywhere below here."""
