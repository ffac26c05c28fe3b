#!/usr/bin/env python3
"""Checks the blind set's four files: record format, ids, time order, profiles
before their user's first message, labels, counts, fiction phone ranges.

    python3 check.py              # checks ../harmful.jsonl ../benign.jsonl and their labels
    python3 check.py --rebuild    # also rebuilds with build.py and checks the files come out identical

Prints the counts per category and language, and exits 1 with every problem
listed when something is wrong.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

CATEGORIES = ['CHILD_GROOMING', 'MINOR_SEXUALIZATION', 'CSAM', 'AMBUSH', 'HATE_HOMOPHOBIC',
              'SEXUAL_VIOLENCE', 'PROSTITUTION', 'THREAT', 'OFF_PLATFORM']
LABEL_KEYS = {'firstFlagMessageId', 'kind', 'labels', 'language', 'notes'}
MESSAGE_KEYS = {'type', 'messageId', 'conversationId', 'roomId', 'senderId', 'recipientIds', 'sentAt', 'text',
                'attachments', 'sender'}
PROFILE_FIELDS = {'declaredAge', 'gender', 'postalCode', 'accountCreatedAt', 'deviceId', 'ipHash'}
PROFILE_KEYS = PROFILE_FIELDS | {'type', 'userId', 'nickname', 'updatedAt'}
FILES = ['harmful.jsonl', 'benign.jsonl', 'harmful-labels.json', 'benign-labels.json']
MIN_PER_CATEGORY = 5


def when(s):
    return datetime.strptime(s, '%Y-%m-%dT%H:%M:%SZ')


def phone_problems(text):
    """Every run of 8+ digits (spaces, dots and dashes allowed between them) must be in a fiction range."""
    bad = []
    for m in re.finditer(r'(?:\+?\d[\s.\-]?){8,}', text):
        digits = re.sub(r'\D', '', m.group(0))
        if re.fullmatch(r'063998\d{4}', digits) or re.fullmatch(r'07700900\d{3}', digits):
            continue
        bad.append(m.group(0).strip())
    return bad


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, msg):
        self.problems.append(msg)

    def check_set(self, name, prefix):
        jsonl = os.path.join(OUT, f'{name}.jsonl')
        labels_path = os.path.join(OUT, f'{name}-labels.json')
        with open(labels_path, encoding='utf-8') as f:
            labels = json.load(f)
        convs = defaultdict(list)
        profiled = {}
        first_msg = {}
        users = set()
        last_t = None
        with open(jsonl, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                where = f'{name}.jsonl:{n}'
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    self.fail(f'{where}: not JSON ({e})')
                    continue
                kind = rec.get('type')
                if kind == 'profile':
                    extra = set(rec) - PROFILE_KEYS
                    if extra:
                        self.fail(f'{where}: unexpected profile fields {sorted(extra)}')
                    if not rec.get('userId') or not rec.get('updatedAt'):
                        self.fail(f'{where}: profile without userId or updatedAt')
                        continue
                    t = when(rec['updatedAt'])
                    profiled.setdefault(rec['userId'], t)
                    users.add(rec['userId'])
                    if 'declaredAge' in rec and not isinstance(rec['declaredAge'], int):
                        self.fail(f'{where}: declaredAge is not an integer')
                elif kind == 'message':
                    extra = set(rec) - MESSAGE_KEYS
                    if extra:
                        self.fail(f'{where}: unexpected message fields {sorted(extra)}')
                    for k in ('messageId', 'conversationId', 'senderId', 'sentAt', 'text'):
                        if k not in rec or rec[k] is None:
                            self.fail(f'{where}: message without {k}')
                    if not rec.get('text') and not rec.get('attachments'):
                        self.fail(f'{where}: empty text and no attachment')
                    t = when(rec['sentAt'])
                    uid = rec['senderId']
                    users.add(uid)
                    first_msg.setdefault(uid, t)
                    if uid not in profiled or profiled[uid] > t:
                        self.fail(f'{where}: {uid} speaks before any profile record')
                    snap = rec.get('sender')
                    if snap is not None and set(snap) - PROFILE_FIELDS:
                        self.fail(f'{where}: sender snapshot with fields {sorted(set(snap) - PROFILE_FIELDS)}')
                    if rec.get('roomId') is None and not rec.get('recipientIds'):
                        self.fail(f'{where}: private message without recipients')
                    if rec.get('roomId') is not None and rec.get('recipientIds'):
                        self.fail(f'{where}: public room message with recipients')
                    if uid in rec.get('recipientIds', []):
                        self.fail(f'{where}: sender among recipients')
                    for bad in phone_problems(rec['text']):
                        self.fail(f'{where}: phone number outside the fiction ranges: {bad}')
                    convs[rec['conversationId']].append((t, rec))
                else:
                    self.fail(f'{where}: unknown type {kind!r}')
                    continue
                if t.year != 2026:
                    self.fail(f'{where}: event time outside 2026')
                if last_t is not None and t < last_t:
                    self.fail(f'{where}: out of time order')
                last_t = t
        if set(convs) != set(labels):
            self.fail(f'{name}: conversations without labels {sorted(set(convs) - set(labels))}, '
                      f'labels without conversation {sorted(set(labels) - set(convs))}')
        for cid, msgs in convs.items():
            if not re.fullmatch(re.escape(prefix) + r'\d{3}', cid):
                self.fail(f'{cid}: id does not look like {prefix}NNN')
            if not 3 <= len(msgs) <= 25:
                self.fail(f'{cid}: {len(msgs)} messages (3 to 25 expected)')
            ids = [r['messageId'] for _, r in msgs]
            if ids != [f'{cid}-m{i:02d}' for i in range(1, len(msgs) + 1)]:
                self.fail(f'{cid}: message ids not {cid}-m01.. in order')
            rooms = {r['roomId'] for _, r in msgs}
            if len(rooms) != 1:
                self.fail(f'{cid}: several rooms')
            lab = labels.get(cid)
            if lab is None:
                continue
            if set(lab) != LABEL_KEYS:
                self.fail(f'{cid}: label keys {sorted(lab)}')
            cats = lab.get('labels', [])
            if any(c not in CATEGORIES for c in cats):
                self.fail(f'{cid}: unknown category in {cats}')
            if len(set(cats)) != len(cats):
                self.fail(f'{cid}: repeated category')
            if lab.get('language') not in ('fr', 'en'):
                self.fail(f'{cid}: language {lab.get("language")!r}')
            if not lab.get('kind') or not lab.get('notes'):
                self.fail(f'{cid}: empty kind or notes')
            flag = lab.get('firstFlagMessageId')
            if name == 'harmful':
                if not cats or cats == ['OFF_PLATFORM']:
                    self.fail(f'{cid}: harmful without a category (OFF_PLATFORM is only a co-label)')
                if flag not in ids:
                    self.fail(f'{cid}: firstFlagMessageId {flag!r} is not a message of the conversation')
                if lab['kind'].startswith('everyday-'):
                    self.fail(f'{cid}: everyday kind in the harmful set')
            else:
                if cats or flag is not None:
                    self.fail(f'{cid}: benign with labels or a flagged message')
        return labels, convs, users

    def run(self):
        h_labels, h_convs, h_users = self.check_set('harmful', 'bl-h-')
        b_labels, b_convs, b_users = self.check_set('benign', 'bl-b-')
        shared = h_users & b_users
        if shared:
            self.fail(f'user ids in both files: {sorted(shared)[:5]}')
        per_cat = Counter()
        per_cat_lang = Counter()
        for lab in h_labels.values():
            for c in lab['labels']:
                per_cat[c] += 1
                per_cat_lang[(c, lab['language'])] += 1
        for c in CATEGORIES:
            if per_cat[c] < MIN_PER_CATEGORY:
                self.fail(f'{c}: {per_cat[c]} conversations (at least {MIN_PER_CATEGORY} wanted)')
        lang = Counter(lab['language'] for lab in h_labels.values())
        hard = Counter(lab['language'] for lab in b_labels.values() if not lab['kind'].startswith('everyday-'))
        every = Counter(lab['language'] for lab in b_labels.values() if lab['kind'].startswith('everyday-'))
        nmsg = lambda convs: sum(len(v) for v in convs.values())
        print(f'harmful: {len(h_labels)} conversations (fr {lang["fr"]}, en {lang["en"]}), '
              f'{nmsg(h_convs)} messages, {len(h_users)} users')
        print(f'benign:  {len(b_labels)} conversations: hard {sum(hard.values())} (fr {hard["fr"]}, en {hard["en"]}), '
              f'everyday {sum(every.values())} (fr {every["fr"]}, en {every["en"]}); '
              f'{nmsg(b_convs)} messages, {len(b_users)} users')
        print(f'{"category":22s} {"all":>4s} {"fr":>4s} {"en":>4s}')
        for c in CATEGORIES:
            print(f'{c:22s} {per_cat[c]:4d} {per_cat_lang[(c, "fr")]:4d} {per_cat_lang[(c, "en")]:4d}')


def digest():
    h = hashlib.sha256()
    for name in FILES:
        with open(os.path.join(OUT, name), 'rb') as f:
            h.update(f.read())
    return h.hexdigest()


def main(argv):
    if '--rebuild' in argv:
        before = digest()
        subprocess.run([sys.executable, os.path.join(HERE, 'build.py')], check=True, stdout=subprocess.DEVNULL)
        if digest() != before:
            print('check.py: build.py does not reproduce the committed files', file=sys.stderr)
            return 1
        print('build.py reproduces the four files byte for byte')
    c = Checker()
    c.run()
    if c.problems:
        for p in c.problems:
            print('problem:', p, file=sys.stderr)
        print(f'check.py: {len(c.problems)} problem(s)', file=sys.stderr)
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
