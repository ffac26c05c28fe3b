#!/usr/bin/env python3
"""Ninetieth fresh evaluation set (for measurement first): buying, selling and renting (second-hand marketplaces, car and phone sales, rooms to let, sugar-dating and 'massage' ads, swap groups, crypto and quick loans), where sellers are lured, women are sold and collectors swap.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh90',
    title=__doc__.split('\n')[0],
    user='u-r0',
    harmful=('r0-h-', 20261379),
    benign=('r0-b-', 20261380),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
