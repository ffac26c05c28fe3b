#!/usr/bin/env python3
"""Eighty-eighth fresh evaluation set (for measurement first): faith, community and family groups (church and mosque youth groups, scouts, family WhatsApp groups across the diaspora, neighbourhood associations), where trusted adults abuse their standing and hate speaks as morality.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh88',
    title=__doc__.split('\n')[0],
    user='u-r8',
    harmful=('r8-h-', 20261375),
    benign=('r8-b-', 20261376),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
