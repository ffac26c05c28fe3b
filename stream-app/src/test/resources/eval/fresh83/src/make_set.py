#!/usr/bin/env python3
"""Eighty-third fresh evaluation set (for measurement first): late-night and teen rooms (insomnia, teens 13-17, ados 12-17, collège & lycée, role play), where adults who lie about their age come looking.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh83',
    title=__doc__.split('\n')[0],
    user='u-q3',
    harmful=('q3-h-', 20261365),
    benign=('q3-b-', 20261366),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
