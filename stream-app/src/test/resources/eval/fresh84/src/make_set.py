#!/usr/bin/env python3
"""Eighty-fourth fresh evaluation set (for measurement first): dating and LGBT+ rooms (gay and lesbian dating, trans and non-binary support, Pride and community associations, hookup meetups, coming out), where fake profiles lure men to an ambush and haters hide behind opinions.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh84',
    title=__doc__.split('\n')[0],
    user='u-q4',
    harmful=('q4-h-', 20261367),
    benign=('q4-b-', 20261368),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
