#!/usr/bin/env python3
"""Ninety-fifth fresh evaluation set (for measurement first): travel, holidays, summer camps, hostels, holiday rentals and festivals, many short conversations, every category, harm said once and indirectly.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh95',
    title=__doc__.split('\n')[0],
    user='u-s5',
    harmful=('s5-h-', 20261389),
    benign=('s5-b-', 20261390),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
