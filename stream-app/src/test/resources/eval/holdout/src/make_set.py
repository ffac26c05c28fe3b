#!/usr/bin/env python3
"""Held-out evaluation set: turns the readable scripts beside this file into
contract JSONL (profiles and messages) plus label files.

    python3 src/make_set.py            # rewrites the four output files
    python3 src/make_set.py --check    # rebuilds in memory and validates only

Script syntax (one scenario per block; lines starting with '#' are comments):

    === <kind> <fr|en> <room alias | -> [date=2026-MM-DD] [time=HH:MM] [zone=Area/City] [labels=CAT,CAT]
    truth: what really happens (goes to the label's notes; ages when profiles lie)
    @a <age|?> <M|F|?> <postcode|?> <nickname|?> [made=<N><m|h|d>] [same=<key>]
    a: message text
    >> b: message text           (the first message a careful moderator flags; harmful only)
    a: {image} caption           ({image} / {video} / {voice}: one attachment)
    ~ 5m | ~ 40s | ~ 3h          (time passes)
    ~ 1d 20:15                   (N days later at local time HH:MM)
    % a age=18 nick=new_name     (the user edits the profile: a new Profile record)

Speakers are single lowercase letters declared with '@' before the first
message. `same=<key>` makes a participant the same user as another
participant with that key in an earlier block of the same file set.
Everything random (ids, gaps, account ages, which messages carry a sender
snapshot) comes from one seeded generator per output set, so a rebuild gives
identical bytes.
"""
import argparse
import collections
import glob
import json
import os
import random
import re
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)

CATEGORIES = ('CHILD_GROOMING', 'MINOR_SEXUALIZATION', 'CSAM', 'AMBUSH', 'HATE_HOMOPHOBIC',
              'SEXUAL_VIOLENCE', 'PROSTITUTION', 'OFF_PLATFORM', 'THREAT')

# room alias -> roomId as the operator would send it
ROOM_NAMES = {
    'ados': 'ados 13-17', 'general': 'général', 'rencontres': 'rencontres', 'gay': 'gay',
    'lgbt': 'lgbt+', 'jeux': 'jeux vidéo', 'parents': 'parents', 'insomnie': 'insomnie',
    '1825': '18-25', '2535': '25-35', '3550': '35-50', '50p': '50 et +',
    'paris': 'Paris', 'marseille': 'Marseille', 'lyon': 'Lyon', 'nantes': 'Nantes',
    'bordeaux': 'Bordeaux', 'rennes': 'Rennes', 'strasbourg': 'Strasbourg', 'liege': 'Liège',
    'montreal': 'Montréal', 'petites-annonces': 'petites annonces', 'actu': 'actualité',
    'modos': 'modération', 'sport': 'sport', 'musique': 'musique', 'trans': 'trans & non-binaires',
    'teens': 'teens', 'uk': 'uk chat', 'lgbtq': 'lgbtq+', 'gaming': 'gaming (en)',
    'latenight': 'late night', 'parents-en': 'parents (en)', 'over40': 'over 40',
    'market': 'marketplace', 'news': 'news', 'mods': 'mod team', 'music': 'music',
    'uni': 'uni life', 'dating': 'dating', 'football': 'football',
}

ZONES = {'fr': 'Europe/Paris', 'en': 'Europe/London'}

ATTACHMENTS = {'image': ('image', 'image/jpeg'), 'video': ('video', 'video/mp4'),
               'voice': ('audio', 'audio/ogg')}

PLACES_EN = ['M20', 'LS2', 'BS6', 'G3', 'E17', 'SE4', 'N7', 'CF10', 'B13', 'NG1', 'EH7', 'L8',
             'S2', 'NE1', 'OX1', 'BN1', 'CB1', 'PL4']

HEAD = re.compile(r'^=== (\S+) (fr|en) (\S+)((?: \w+=\S+)*)$')
PERSON = re.compile(r'^@([a-z]) (\?|\d+) (\?|[MFX]) (\S+) (\S+)((?: \w+=\S+)*)$')
LINE = re.compile(r'^(>> )?([a-z]): ?(.*)$')
WAIT = re.compile(r'^~ (\d+)([smhd])(?: (\d\d):(\d\d))?$')
EDIT = re.compile(r'^% ([a-z])((?: \w+=\S+)+)$')


class ScriptError(Exception):
    pass


def options(text, where):
    out = {}
    for item in text.split():
        if '=' not in item:
            raise ScriptError(f'{where}: expected key=value, got {item!r}')
        k, v = item.split('=', 1)
        out[k] = v
    return out


def read_scripts(pattern):
    blocks = []
    for path in sorted(glob.glob(os.path.join(SRC, pattern))):
        cur = None
        with open(path, encoding='utf-8') as f:
            for n, raw in enumerate(f, 1):
                line = raw.rstrip('\n').rstrip()
                where = f'{os.path.basename(path)}:{n}'
                if not line or line.lstrip().startswith('#'):
                    continue
                m = HEAD.match(line)
                if m:
                    kind, lang, room, opts = m.groups()
                    if room != '-' and room not in ROOM_NAMES:
                        raise ScriptError(f'{where}: unknown room alias {room!r}')
                    cur = {'kind': kind, 'lang': lang, 'room': None if room == '-' else ROOM_NAMES[room],
                           'opts': options(opts, where), 'people': {}, 'steps': [], 'truth': None,
                           'where': where}
                    labels = cur['opts'].get('labels')
                    cur['labels'] = labels.split(',') if labels else []
                    for lab in cur['labels']:
                        if lab not in CATEGORIES:
                            raise ScriptError(f'{where}: unknown category {lab!r}')
                    blocks.append(cur)
                    continue
                if cur is None:
                    raise ScriptError(f'{where}: text before the first === block')
                if line.startswith('truth:'):
                    cur['truth'] = line[len('truth:'):].strip()
                    continue
                m = PERSON.match(line)
                if m:
                    if cur['steps']:
                        raise ScriptError(f'{where}: participant declared after the first message')
                    letter, age, sex, pc, nick, opts = m.groups()
                    cur['people'][letter] = {
                        'age': None if age == '?' else int(age), 'sex': None if sex == '?' else sex,
                        'pc': None if pc == '?' else pc, 'nick': None if nick == '?' else nick,
                        'opts': options(opts, where)}
                    continue
                m = LINE.match(line)
                if m:
                    flag, who, text = m.groups()
                    if who not in cur['people']:
                        raise ScriptError(f'{where}: speaker {who!r} not declared')
                    cur['steps'].append(('say', who, text, bool(flag), where))
                    continue
                m = WAIT.match(line)
                if m:
                    hm = (int(m.group(3)), int(m.group(4))) if m.group(3) else None
                    if hm and m.group(2) != 'd':
                        raise ScriptError(f'{where}: a clock time only goes with days')
                    cur['steps'].append(('wait', int(m.group(1)), m.group(2), hm))
                    continue
                m = EDIT.match(line)
                if m:
                    if m.group(1) not in cur['people']:
                        raise ScriptError(f'{where}: edit for undeclared {m.group(1)!r}')
                    cur['steps'].append(('edit', m.group(1), options(m.group(2), where)))
                    continue
                raise ScriptError(f'{where}: cannot read {line!r}')
    return blocks


def span(spec):
    m = re.fullmatch(r'(\d+)([smhd])', spec)
    if not m:
        raise ScriptError(f'bad duration {spec!r}')
    unit = {'s': 'seconds', 'm': 'minutes', 'h': 'hours', 'd': 'days'}[m.group(2)]
    return timedelta(**{unit: int(m.group(1))})


def stamp(t):
    return t.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


class SetBuilder:
    def __init__(self, name, pattern, prefix, seed, first_day, last_day):
        self.name, self.pattern, self.prefix = name, pattern, prefix
        self.rng = random.Random(seed)
        self.first_day, self.last_day = first_day, last_day
        self.ids = set()
        self.users = []
        self.by_key = {}

    def token(self, n):
        return ''.join(self.rng.choice('0123456789abcdef') for _ in range(n))

    def user_id(self):
        while True:
            uid = 'u-' + self.token(8)
            if uid not in self.ids:
                self.ids.add(uid)
                return uid

    def person(self, spec, lang):
        key = spec['opts'].get('same')
        if key and key in self.by_key:
            return self.by_key[key]
        pc = spec['pc']
        if pc == '-':
            pc = None
        elif pc is None and lang == 'en' and self.rng.random() < 0.4:
            pc = self.rng.choice(PLACES_EN)
        u = {'userId': self.user_id(), 'age': spec['age'], 'sex': spec['sex'], 'pc': pc,
             'nick': spec['nick'], 'device': 'd-' + self.token(6), 'ip': 'h-' + self.token(8),
             'made': spec['opts'].get('made'), 'first': None, 'edits': []}
        if key:
            self.by_key[key] = u
        self.users.append(u)
        return u

    def start_time(self, block):
        opts = block['opts']
        zone = ZoneInfo(opts.get('zone', ZONES[block['lang']]))
        if 'date' in opts:
            d = date.fromisoformat(opts['date'])
        else:
            days = sum(s[1] for s in block['steps'] if s[0] == 'wait' and s[2] == 'd')
            total = (self.last_day - self.first_day).days - days
            d = self.first_day + timedelta(days=self.rng.randint(0, max(total, 0)))
        if 'time' in opts:
            hh, mm = map(int, opts['time'].split(':'))
        else:
            hh, mm = self.rng.randint(10, 22), self.rng.randint(0, 59)
        local = datetime(d.year, d.month, d.day, hh, mm, self.rng.randint(0, 59), tzinfo=zone)
        return local.astimezone(timezone.utc), zone

    def conversation(self, block):
        t, zone = self.start_time(block)
        people = {k: self.person(v, block['lang']) for k, v in block['people'].items()}
        said, edits, flagged = [], [], None
        fresh = True
        for step in block['steps']:
            if step[0] == 'wait':
                _, n, unit, hm = step
                if unit == 'd':
                    local = t.astimezone(zone).replace(tzinfo=None) + timedelta(days=n)
                    if hm:
                        local = local.replace(hour=hm[0], minute=hm[1], second=self.rng.randint(0, 59))
                    t = local.replace(tzinfo=zone).astimezone(timezone.utc)
                else:
                    t = t + span(f'{n}{unit}') + timedelta(seconds=self.rng.randint(0, 30))
                fresh = True
                continue
            if step[0] == 'edit':
                t = t + timedelta(seconds=self.rng.randint(20, 90))
                edits.append((t, people[step[1]], step[2]))
                continue
            _, who, text, flag, where = step
            if not fresh:
                typing = len(text) * self.rng.uniform(0.15, 0.35)
                pause = self.rng.uniform(3, 20) if self.rng.random() > 0.07 else self.rng.uniform(60, 500)
                t = t + timedelta(seconds=round(typing + pause))
            fresh = False
            attach = []
            m = re.match(r'^\{(image|video|voice)\} ?(.*)$', text)
            if m:
                kind, mime = ATTACHMENTS[m.group(1)]
                text = m.group(2)
                a = {'kind': kind, 'sha256': self.token(64), 'mime': mime}
                if kind == 'image':
                    a['pdq'] = self.token(64)
                attach.append(a)
            if flag:
                if flagged is not None:
                    raise ScriptError(f'{where}: a second >> in one conversation')
                flagged = len(said)
            if not text and not attach:
                raise ScriptError(f'{where}: empty message')
            others = [] if block['room'] else [people[o] for o in people if o != who]
            said.append({'t': t, 'user': people[who], 'text': text, 'attach': attach, 'to': others})
        if not said:
            raise ScriptError(f'{block["where"]}: no messages')
        if self.name == 'harmful' and (flagged is None or not block['labels']):
            raise ScriptError(f'{block["where"]}: harmful block needs labels= and one >> line')
        if self.name == 'benign' and (flagged is not None or block['labels']):
            raise ScriptError(f'{block["where"]}: benign block with labels or a >> line')
        if not block['truth']:
            raise ScriptError(f'{block["where"]}: missing truth: line')
        if not 4 <= len(said) <= 25:
            raise ScriptError(f'{block["where"]}: {len(said)} messages (4 to 25 expected)')
        return {'block': block, 'said': said, 'edits': edits, 'flagged': flagged}

    def snapshot(self, u, age, sex, pc):
        snap = {}
        if age is not None:
            snap['declaredAge'] = age
        if sex is not None:
            snap['gender'] = sex
        if pc is not None:
            snap['postalCode'] = pc
        snap['accountCreatedAt'] = stamp(u['created'])
        snap['deviceId'] = u['device']
        snap['ipHash'] = u['ip']
        return snap

    def build(self):
        convs = [self.conversation(b) for b in read_scripts(self.pattern)]
        convs.sort(key=lambda c: (c['said'][0]['t'], c['block']['where']))
        events, labels = [], {}
        order = 0
        for n, c in enumerate(convs, 1):
            cid = f'{self.prefix}{n:03d}'
            b = c['block']
            for i, m in enumerate(c['said'], 1):
                u = m['user']
                if u['first'] is None or m['t'] < u['first']:
                    u['first'] = m['t']
                m['rec'] = {'type': 'message', 'messageId': f'{cid}-m{i:02d}', 'conversationId': cid,
                            'roomId': b['room'], 'senderId': u['userId'],
                            'recipientIds': [o['userId'] for o in m['to']], 'sentAt': stamp(m['t']),
                            'text': m['text']}
                if m['attach']:
                    m['rec']['attachments'] = m['attach']
            labels[cid] = {
                'firstFlagMessageId': None if c['flagged'] is None else c['said'][c['flagged']]['rec']['messageId'],
                'kind': b['kind'], 'labels': b['labels'], 'language': b['lang'], 'notes': b['truth']}
        for u in self.users:
            if u['made']:
                u['created'] = u['first'] - span(u['made'])
            else:
                r = self.rng.random()
                if r < 0.5:
                    back = timedelta(days=self.rng.randint(2, 600), minutes=self.rng.randint(0, 1439))
                elif r < 0.8:
                    back = timedelta(hours=self.rng.randint(1, 90), minutes=self.rng.randint(0, 59))
                else:
                    back = timedelta(minutes=self.rng.randint(2, 50), seconds=self.rng.randint(0, 59))
                u['created'] = u['first'] - back
            updated = max(u['created'], u['first'] - timedelta(seconds=self.rng.randint(4, 200)))
            u['state'] = {'age': u['age'], 'sex': u['sex'], 'pc': u['pc'], 'nick': u['nick']}
            order += 1
            events.append((updated, 0, order, self.profile(u, u['state'], updated)))
        # messages, profile edits and snapshots in time order per conversation
        for c in convs:
            edits = sorted(c['edits'], key=lambda e: e[0])
            seen = set()
            for m in c['said']:
                while edits and edits[0][0] <= m['t']:
                    self.apply_edit(edits.pop(0), events)
                u = m['user']
                chance = 0.5 if u['userId'] not in seen else 0.1
                seen.add(u['userId'])
                if self.rng.random() < chance:
                    s = u['state']
                    m['rec']['sender'] = self.snapshot(u, s['age'], s['sex'], s['pc'])
                order += 1
                events.append((m['t'], 1, order, m['rec']))
            for e in edits:
                self.apply_edit(e, events)
        events.sort(key=lambda e: (e[0], e[1], e[2]))
        return [e[3] for e in events], labels, convs

    def profile(self, u, state, updated):
        rec = {'type': 'profile', 'userId': u['userId']}
        rec.update(self.snapshot(u, state['age'], state['sex'], state['pc']))
        if state['nick']:
            rec['nickname'] = state['nick']
        rec['updatedAt'] = stamp(updated)
        return rec

    def apply_edit(self, edit, events):
        t, u, changes = edit
        for k, v in changes.items():
            if k == 'age':
                u['state']['age'] = None if v == '?' else int(v)
            elif k == 'nick':
                u['state']['nick'] = v
            elif k == 'sex':
                u['state']['sex'] = v
            elif k == 'pc':
                u['state']['pc'] = v
            else:
                raise ScriptError(f'unknown profile field {k!r}')
        events.append((t, 0, len(events), self.profile(u, u['state'], t)))


REQUIRED = ('messageId', 'conversationId', 'senderId', 'sentAt', 'text')


def validate(name, records, labels):
    """Checks the properties the set promises; returns a list of problems."""
    problems = []
    msgs = collections.defaultdict(list)
    seen_profile = set()
    last = None
    for r in records:
        t = r['sentAt'] if r['type'] == 'message' else r['updatedAt']
        if last and t < last:
            problems.append(f'{name}: not in time order at {r.get("messageId") or r["userId"]}')
        last = t
        if r['type'] == 'profile':
            seen_profile.add(r['userId'])
            continue
        for k in REQUIRED:
            if k not in r or r[k] is None:
                problems.append(f'{name}: {r.get("messageId")} lacks {k}')
        if not r['text'] and not r.get('attachments'):
            problems.append(f'{name}: {r["messageId"]} has neither text nor attachment')
        if not r['sentAt'].startswith('2026-'):
            problems.append(f'{name}: {r["messageId"]} not in 2026')
        if r['senderId'] not in seen_profile:
            problems.append(f'{name}: {r["messageId"]} before its sender\'s profile')
        if r['roomId'] is None and not r['recipientIds']:
            problems.append(f'{name}: {r["messageId"]} private without recipients')
        if r['roomId'] is not None and r['recipientIds']:
            problems.append(f'{name}: {r["messageId"]} in a room with recipients')
        if not re.fullmatch(re.escape(r['conversationId']) + r'-m\d\d', r['messageId']):
            problems.append(f'{name}: bad message id {r["messageId"]}')
        msgs[r['conversationId']].append(r['messageId'])
    if set(msgs) != set(labels):
        problems.append(f'{name}: conversations and labels differ: {sorted(set(msgs) ^ set(labels))}')
    for cid, lab in labels.items():
        if set(lab) != {'firstFlagMessageId', 'kind', 'labels', 'language', 'notes'}:
            problems.append(f'{name}: {cid} label keys {sorted(lab)}')
        if lab['language'] not in ('fr', 'en'):
            problems.append(f'{name}: {cid} language {lab["language"]}')
        if not 4 <= len(msgs[cid]) <= 25:
            problems.append(f'{name}: {cid} has {len(msgs[cid])} messages')
        if name == 'harmful':
            if lab['firstFlagMessageId'] not in msgs[cid]:
                problems.append(f'{name}: {cid} firstFlagMessageId {lab["firstFlagMessageId"]} not in it')
            if not lab['labels'] or lab['labels'] == ['OFF_PLATFORM']:
                problems.append(f'{name}: {cid} needs a harm category besides OFF_PLATFORM')
        elif lab['labels'] or lab['firstFlagMessageId'] is not None:
            problems.append(f'{name}: {cid} benign but labelled')
    return problems


def counts(labels):
    per_cat = collections.Counter()
    per_lang = collections.Counter()
    table = collections.defaultdict(collections.Counter)
    for lab in labels.values():
        per_lang[lab['language']] += 1
        for c in lab['labels']:
            per_cat[c] += 1
            table[c][lab['language']] += 1
    return per_cat, per_lang, table


def render(records, labels):
    jsonl = ''.join(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n' for r in records)
    return jsonl, json.dumps(labels, ensure_ascii=False, indent=1, sort_keys=True) + '\n'


def paths(name):
    return os.path.join(OUT, f'{name}.jsonl'), os.path.join(OUT, f'{name}-labels.json')


def load(name):
    """Reads one set back from disk, as a consumer of the files would."""
    data_path, label_path = paths(name)
    with open(data_path, encoding='utf-8') as f:
        records = [json.loads(line) for line in f]
    with open(label_path, encoding='utf-8') as f:
        labels = json.load(f)
    return records, labels


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--check', action='store_true',
                    help='write nothing; fail if the files on disk differ from a rebuild or break a rule')
    args = ap.parse_args()
    sets = [SetBuilder('harmful', 'h_*.txt', 'ho-h-', 77120261, date(2026, 2, 2), date(2026, 6, 28)),
            SetBuilder('benign', 'b_*.txt', 'ho-b-', 77120262, date(2026, 2, 2), date(2026, 6, 28))]
    bad = []
    users = {}
    for s in sets:
        try:
            records, labels, _ = s.build()
        except ScriptError as e:
            print(f'error: {e}', file=sys.stderr)
            return 1
        texts = render(records, labels)
        if args.check:
            for path, text in zip(paths(s.name), texts):
                with open(path, encoding='utf-8') as f:
                    if f.read() != text:
                        bad.append(f'{os.path.basename(path)} differs from a rebuild of the scripts')
        else:
            for path, text in zip(paths(s.name), texts):
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
        records, labels = load(s.name)
        bad += validate(s.name, records, labels)
        users[s.name] = {r['userId'] for r in records if r['type'] == 'profile'}
        per_cat, per_lang, table = counts(labels)
        nmsg = sum(r['type'] == 'message' for r in records)
        nprof = sum(r['type'] == 'profile' for r in records)
        print(f'{s.name}: {len(labels)} conversations ({dict(sorted(per_lang.items()))}), '
              f'{nmsg} messages, {nprof} profile records, {len(users[s.name])} users')
        for cat in CATEGORIES:
            if per_cat[cat]:
                print(f'  {cat:20s} {per_cat[cat]:3d}  (fr {table[cat]["fr"]}, en {table[cat]["en"]})')
        if s.name == 'harmful':
            short = [c for c in CATEGORIES if per_cat[c] < 6]
            if short:
                bad.append(f'harmful: fewer than 6 conversations for {short}')
    if users['harmful'] & users['benign']:
        bad.append('a user id appears in both sets; merging them would mix two people')
    for p in bad:
        print(p, file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
