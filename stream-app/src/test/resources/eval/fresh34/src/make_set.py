#!/usr/bin/env python3
"""Thirty-fourth fresh evaluation set (for measurement first): turns the readable scripts beside this file into contract JSONL and label files.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh34',
    title=__doc__.split('\n')[0],
    user='u-k4',
    harmful=('k4-h-', 20261267),
    benign=('k4-b-', 20261268),
    first_day=date(2026, 2, 2), last_day=date(2026, 12, 3),
    messages=(8, 17),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
