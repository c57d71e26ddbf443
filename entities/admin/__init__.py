"""The review desk: curators confirm, reject, merge, split and move machine output.

Thin by design: every write goes through entities.curation, and every change is logged (LogEntry)
under the curator's name; merges and splits also leave a MergeRecord. One module per subject.
"""

from entities.admin import actors, articles, common, events

__all__ = ["actors", "articles", "common", "events"]
