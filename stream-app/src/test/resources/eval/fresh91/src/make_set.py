#!/usr/bin/env python3
"""Ninety-first fresh evaluation set (for measurement first): code-switching and badly typed chat (French and English mixed in one message as in Montreal, Brussels, Abidjan, Dakar, Lagos and London; voice-to-text errors; heavy emoji and abbreviations), every category evenly, harm said indirectly.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh91',
    title=__doc__.split('\n')[0],
    user='u-r1',
    harmful=('r1-h-', 20261381),
    benign=('r1-b-', 20261382),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
