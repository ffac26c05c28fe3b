#!/usr/bin/env python3
"""Fifth fresh evaluation set (for measurement first): turns the readable scripts beside this file into contract JSONL and label files.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh5',
    title=__doc__.split('\n')[0],
    user='u-f5',
    harmful=('f5-h-', 20261209),
    benign=('f5-b-', 20261210),
    first_day=date(2026, 4, 13), last_day=date(2026, 12, 20),
    messages=(3, 12),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
