#!/usr/bin/env python3
"""Forty-third fresh evaluation set (for measurement first): turns the readable scripts beside this file into contract JSONL and label files.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh43',
    title=__doc__.split('\n')[0],
    user='u-l3',
    harmful=('l3-h-', 20261285),
    benign=('l3-b-', 20261286),
    first_day=date(2026, 2, 1), last_day=date(2026, 11, 30),
    messages=(8, 16),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
