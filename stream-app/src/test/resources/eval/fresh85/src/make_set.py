#!/usr/bin/env python3
"""Eighty-fifth fresh evaluation set (for measurement first): gaming, streaming and server communities (voice chat, clans, skins and in-game currency, streamers and their viewers, modding, esports), where adults buy children's trust with gifts.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh85',
    title=__doc__.split('\n')[0],
    user='u-q5',
    harmful=('q5-h-', 20261369),
    benign=('q5-b-', 20261370),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
