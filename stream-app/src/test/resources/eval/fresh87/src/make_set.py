#!/usr/bin/env python3
"""Eighty-seventh fresh evaluation set (for measurement first): classifieds, housing, modelling and beauty (flat shares, job ads abroad, model castings, massage and nail salons, photographers, file-sharing and cloud storage), where recruiters sell people and collectors trade.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh87',
    title=__doc__.split('\n')[0],
    user='u-q7',
    harmful=('q7-h-', 20261373),
    benign=('q7-b-', 20261374),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
