#!/usr/bin/env python3
"""Eighty-ninth fresh evaluation set (for measurement first): school and university life (student halls, societies and initiations, tutoring, exam stress, teachers and assistants, study groups), where parties hide drugging and tutors and seniors prey on younger students.
Usage and script syntax: ../../tools/fresh_sets.py (shared by the fresh sets); this file holds what is this set's own."""
import os, sys  # noqa: E401
from datetime import date
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import fresh_sets  # noqa: E402

SPEC = fresh_sets.Spec(
    name='fresh89',
    title=__doc__.split('\n')[0],
    user='u-r9',
    harmful=('r9-h-', 20261377),
    benign=('r9-b-', 20261378),
    first_day=date(2026, 1, 15), last_day=date(2026, 11, 30),
    messages=(8, 18),
)

if __name__ == '__main__':
    sys.exit(fresh_sets.main(SPEC))
