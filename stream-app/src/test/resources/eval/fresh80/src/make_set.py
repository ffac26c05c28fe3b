#!/usr/bin/env python3
"""Eightieth fresh evaluation set (for measurement first): sport, fitness, health and wellbeing communities (gyms, amateur clubs, coaches, physios, pharmacies, sleep and medicine talk).
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh80',
    title=__doc__.split('\n')[0],
    user='u-q0',
    harmful=('q0-h-', 20261359),
    benign=('q0-b-', 20261360),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
