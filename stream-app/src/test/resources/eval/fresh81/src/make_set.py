#!/usr/bin/env python3
"""Eighty-first fresh evaluation set (for measurement first): city and regional rooms (Brussels, Geneva, Québec, Dakar, Abidjan, Lille, Toulouse, Nice, London, Manchester, NYC, Texas): meet-ups, lifts, flat shares, local news.
Turns the readable scripts beside this file into contract JSONL and label files.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh81',
    title=__doc__.split('\n')[0],
    user='u-q1',
    harmful=('q1-h-', 20261361),
    benign=('q1-b-', 20261362),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
