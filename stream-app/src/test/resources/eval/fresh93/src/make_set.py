#!/usr/bin/env python3
"""Ninety-third fresh evaluation set (for measurement first): work and gig-economy chats (delivery, restaurants and hotels, seasonal work, care, au pairs, temp agencies), every category, weighted to exploitation, blackmail and grooming of young workers.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh93',
    title=__doc__.split('\n')[0],
    user='u-s3',
    harmful=('s3-h-', 20261385),
    benign=('s3-b-', 20261386),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
