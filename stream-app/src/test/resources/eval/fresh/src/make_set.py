#!/usr/bin/env python3
"""Fresh evaluation set (the lead tunes on it): turns the readable scripts beside this file into contract JSONL and label files.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh',
    title=__doc__.split('\n')[0],
    user='u-fr',
    harmful=('fr-h-', 20261101),
    benign=('fr-b-', 20261102),
    first_day=date(2026, 7, 6), last_day=date(2026, 11, 27),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
