#!/usr/bin/env python3
"""Third fresh evaluation set (for measurement first): turns the readable scripts beside this file into contract JSONL and label files.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh3',
    title=__doc__.split('\n')[0],
    user='u-f3',
    harmful=('f3-h-', 20261205),
    benign=('f3-b-', 20261206),
    first_day=date(2026, 5, 4), last_day=date(2026, 12, 18),
    messages=(3, 12),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
