#!/usr/bin/env python3
"""Builds the blind set (harmful.jsonl, benign.jsonl and their label files) from
the readable scripts beside this file. Seeded: the same scripts always give the
same four files, byte for byte.

    python3 build.py            # writes ../harmful.jsonl ../benign.jsonl ../*-labels.json
    python3 build.py --stdout   # prints the summary only, writes nothing

Scripts: h_*.txt are harmful, b_*.txt hard benign, e_*.txt everyday benign
(their kinds must start with "everyday-"). One conversation per block:

    == <kind> <fr|en> <room alias or -> [labels=A,B] [date=2026-02-14] [at=17:55] [tz=+1] [slot=teen]
    note: the truth of the scenario, one line (kept in the label file)
    person A age=34 sex=M pc=59100 nick=fred.nord created=-12d
    person B age=18 sex=F nick=lou           (a field left out is not declared)
    A> message text
    !A> message text                         (harmful only: where a careful moderator flags)
    A> [photo] caption                       (the message carries one image attachment)
    ~ +5m | ~ +2h | ~ +1d 16:45 | ~ 21:40    (time passes; local time of the block's tz)
    ~ profile B age=19                       (the user edits the profile: a Profile record)

Lines starting with '#' are comments. A person line may carry key=NAME to be
the same user in several blocks of the same set.
"""
import glob
import json
import os
import random
import re
import sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

CATEGORIES = {'CHILD_GROOMING', 'MINOR_SEXUALIZATION', 'CSAM', 'AMBUSH', 'HATE_HOMOPHOBIC',
              'SEXUAL_VIOLENCE', 'PROSTITUTION', 'OFF_PLATFORM', 'THREAT'}

ROOMS = {
    'fr-gen': 'général', 'bxl': 'Bruxelles-Wallonie', 'romandie': 'Suisse romande', 'qc': 'Québec',
    'antilles': 'Antilles-Guyane', 'ados': 'ados 13-17', 'jeux': 'jeux vidéo', 'lgbt-fr': 'LGBT+',
    'gay-fr': 'gay', 'foot-fr': 'foot', 'annonces': 'petites annonces', 'parents-fr': 'parents',
    'nuit': 'nuit blanche', 'actu': 'actu', 'series-fr': 'séries', 'rencontre-fr': 'rencontres 25-45',
    'en-gen': 'general', 'uk': 'uk & ireland', 'aus': 'aussie chat', 'us': 'usa', 'teens': 'teens 13-17',
    'gamers': 'gamers', 'lgbt-en': 'lgbtq+', 'sport-en': 'sports', 'classifieds': 'classifieds',
    'parents-en': 'parents', 'nightshift': 'night shift', 'news': 'news', 'dating-en': 'dating 25+',
    'tv': 'tv & streaming',
}

# local minutes after midnight; the end may pass midnight
SLOTS = {
    'teen': (16 * 60 + 15, 21 * 60 + 50),
    'adult': (19 * 60, 24 * 60 + 30),
    'night': (23 * 60, 27 * 60),
    'day': (8 * 60 + 30, 18 * 60 + 30),
    'any': (9 * 60 + 30, 23 * 60),
}
SLOT_BY_KIND = [('grooming', 'teen'), ('msex', 'teen'), ('teen', 'teen'), ('everyday', 'any'),
                ('ad', 'day'), ('childcare', 'day'), ('tutor', 'day'), ('massage', 'day'),
                ('photo', 'day'), ('parents', 'any'), ('news', 'any'), ('mods', 'any'),
                ('health', 'any'), ('family', 'any'), ('sexviol', 'night')]
DEFAULT_TZ = {'fr': 1, 'en': 0}
PERIOD_START = datetime(2026, 2, 2, tzinfo=timezone.utc)
PERIOD_DAYS = 54  # 2 February to 27 March 2026


class ScriptError(Exception):
    pass


def parse_opts(tokens, where):
    opts = {}
    for t in tokens:
        if '=' not in t:
            raise ScriptError(f'{where}: expected key=value, got {t!r}')
        k, v = t.split('=', 1)
        opts[k] = v
    return opts


def parse_file(path):
    convs = []
    cur = None
    name = os.path.basename(path)
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    for ln, raw in enumerate(lines, 1):
        line = raw.rstrip()
        where = f'{name}:{ln}'
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        if line.startswith('== '):
            parts = line[3:].split()
            if len(parts) < 3:
                raise ScriptError(f'{where}: header needs kind, language and room')
            cur = {'kind': parts[0], 'lang': parts[1], 'room': parts[2],
                   'opts': parse_opts(parts[3:], where), 'people': {}, 'steps': [],
                   'note': None, 'where': where, 'file': name}
            if cur['lang'] not in ('fr', 'en'):
                raise ScriptError(f'{where}: language must be fr or en')
            if cur['room'] != '-' and cur['room'] not in ROOMS:
                raise ScriptError(f'{where}: unknown room {cur["room"]}')
            convs.append(cur)
            continue
        if cur is None:
            raise ScriptError(f'{where}: text before the first == header')
        if line.startswith('note:'):
            cur['note'] = line[5:].strip()
            continue
        if line.startswith('person '):
            parts = line.split()
            if cur['steps']:
                raise ScriptError(f'{where}: person after the first message')
            letter = parts[1]
            if not re.fullmatch(r'[A-Z]', letter):
                raise ScriptError(f'{where}: a person is one capital letter')
            cur['people'][letter] = parse_opts(parts[2:], where)
            continue
        m = re.match(r'^(!?)([A-Z])> ?(.*)$', line)
        if m:
            if m.group(2) not in cur['people']:
                raise ScriptError(f'{where}: unknown speaker {m.group(2)}')
            if not m.group(3).strip():
                raise ScriptError(f'{where}: empty message')
            cur['steps'].append(('msg', m.group(2), m.group(3), m.group(1) == '!', where))
            continue
        m = re.match(r'^~ \+(\d+)([smhd])(?: (\d\d):(\d\d))?$', line)
        if m:
            at = (int(m.group(3)), int(m.group(4))) if m.group(3) else None
            cur['steps'].append(('jump', int(m.group(1)), m.group(2), at))
            continue
        m = re.match(r'^~ (\d\d):(\d\d)$', line)
        if m:
            cur['steps'].append(('at', int(m.group(1)), int(m.group(2))))
            continue
        m = re.match(r'^~ profile ([A-Z])((?: \S+=\S+)+)$', line)
        if m:
            cur['steps'].append(('profile', m.group(1), parse_opts(m.group(2).split(), where)))
            continue
        raise ScriptError(f'{where}: cannot parse {line!r}')
    return convs


def hexid(rng, n):
    return ''.join(rng.choice('0123456789abcdef') for _ in range(n))


def iso(t):
    return t.strftime('%Y-%m-%dT%H:%M:%SZ')


def ago(spec, where):
    m = re.fullmatch(r'-(\d+)([mhd])', spec)
    if not m:
        raise ScriptError(f'{where}: created must look like -12d, -5h or -30m')
    unit = {'m': 'minutes', 'h': 'hours', 'd': 'days'}[m.group(2)]
    return timedelta(**{unit: int(m.group(1))})


def snapshot_at(u, t):
    """What the user's profile says at time t: the first snapshot with every earlier edit applied."""
    snap = dict(u['snap'])
    for when, change in u.get('changes', []):
        if when <= t:
            if change.get('age', '?') != '?':
                snap['declaredAge'] = int(change['age'])
            if change.get('sex', '?') != '?':
                snap['gender'] = change['sex']
            if change.get('pc', '?') != '?':
                snap['postalCode'] = change['pc']
    return snap


def slot_for(kind):
    for prefix, slot in SLOT_BY_KIND:
        if kind.startswith(prefix):
            return slot
    return 'adult'


class Builder:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()

    def new_id(self, prefix, n):
        while True:
            i = prefix + hexid(self.rng, n)
            if i not in self.used:
                self.used.add(i)
                return i

    def build_set(self, set_name, patterns, prefix):
        rng = self.rng
        convs = []
        for pattern in patterns:
            for path in sorted(glob.glob(os.path.join(HERE, pattern))):
                convs.extend(parse_file(path))
        shared = {}
        users = []
        built = []
        for c in convs:
            opts = c['opts']
            tz = int(opts.get('tz', DEFAULT_TZ[c['lang']]))
            days_spanned = sum(s[1] for s in c['steps'] if s[0] == 'jump' and s[2] == 'd')
            if 'date' in opts:
                date0 = datetime.strptime(opts['date'], '%Y-%m-%d').replace(tzinfo=timezone.utc)
            else:
                date0 = PERIOD_START + timedelta(days=rng.randint(0, PERIOD_DAYS - 1 - days_spanned))
            if 'at' in opts:
                hh, mm = map(int, opts['at'].split(':'))
                minute = hh * 60 + mm
            else:
                lo, hi = SLOTS[opts.get('slot', slot_for(c['kind']))]
                minute = rng.randint(lo, hi)
            t = date0 + timedelta(minutes=minute - 60 * tz, seconds=rng.randint(0, 59))
            people = {}
            for letter, p in c['people'].items():
                key = p.get('key')
                if key and key in shared:
                    people[letter] = shared[key]
                    continue
                u = {'userId': self.new_id('u-', 8), 'decl': {}, 'nick': p.get('nick'),
                     'deviceId': 'd-' + hexid(rng, 6), 'ipHash': 'h-' + hexid(rng, 8),
                     'created_spec': p.get('created'), 'first': None, 'where': c['where']}
                if p.get('age', '?') != '?':
                    u['decl']['declaredAge'] = int(p['age'])
                if p.get('sex', '?') != '?':
                    u['decl']['gender'] = p['sex']
                if p.get('pc', '?') != '?':
                    u['decl']['postalCode'] = p['pc']
                if key:
                    shared[key] = u
                users.append(u)
                people[letter] = u
            room = None if c['room'] == '-' else ROOMS[c['room']]
            msgs, edits = [], []
            flag = None
            fresh = True
            for s in c['steps']:
                if s[0] == 'jump':
                    n, unit, at = s[1], s[2], s[3]
                    if unit == 'd':
                        local = t + timedelta(hours=tz, days=n)
                        if at:
                            local = local.replace(hour=at[0], minute=at[1], second=rng.randint(0, 59))
                        t = local - timedelta(hours=tz)
                    else:
                        t += timedelta(**{{'s': 'seconds', 'm': 'minutes', 'h': 'hours'}[unit]: n},
                                       seconds=rng.randint(0, 45))
                    fresh = True
                    continue
                if s[0] == 'at':
                    local = t + timedelta(hours=tz)
                    target = local.replace(hour=s[1], minute=s[2], second=rng.randint(0, 59))
                    if target <= local:
                        target += timedelta(days=1)
                    t = target - timedelta(hours=tz)
                    fresh = True
                    continue
                if s[0] == 'profile':
                    t += timedelta(seconds=rng.randint(20, 90))
                    edits.append((t, people[s[1]], s[2]))
                    fresh = True
                    continue
                _, letter, text, flagged, where = s
                if not fresh:
                    gap = rng.uniform(3, 16) + len(text) * rng.uniform(0.10, 0.30)
                    if rng.random() < 0.07:
                        gap += rng.uniform(40, 360)
                    t += timedelta(seconds=round(gap))
                fresh = False
                attachments = []
                m = re.match(r'^\[(photo|video|voice)\] ?(.*)$', text)
                if m:
                    text = m.group(2)
                    kind, mime = {'photo': ('image', 'image/jpeg'), 'video': ('video', 'video/mp4'),
                                  'voice': ('audio', 'audio/ogg')}[m.group(1)]
                    a = {'kind': kind, 'sha256': hexid(rng, 64), 'mime': mime}
                    if kind == 'image':
                        a['pdq'] = hexid(rng, 64)
                    attachments.append(a)
                if flagged:
                    if flag is not None:
                        raise ScriptError(f'{where}: a second flagged message')
                    flag = len(msgs)
                sender = people[letter]
                recips = [] if room else [people[o] for o in people if o != letter]
                msgs.append({'t': t, 'user': sender, 'text': text, 'att': attachments, 'recips': recips})
            if not msgs:
                raise ScriptError(f'{c["where"]}: no message')
            built.append({'c': c, 'msgs': msgs, 'edits': edits, 'room': room, 'flag': flag})

        built.sort(key=lambda b: (b['msgs'][0]['t'], b['c']['where']))
        events, labels = [], {}
        seq = 0
        for n, b in enumerate(built, 1):
            c = b['c']
            cid = f'{prefix}{n:03d}'
            harmful = set_name == 'harmful'
            if harmful and b['flag'] is None:
                raise ScriptError(f'{c["where"]}: harmful conversation without a !flagged message')
            if not harmful and b['flag'] is not None:
                raise ScriptError(f'{c["where"]}: benign conversation with a !flagged message')
            everyday_file = c['file'].startswith('e_')
            if everyday_file != c['kind'].startswith('everyday-'):
                raise ScriptError(f'{c["where"]}: kinds start with everyday- in e_*.txt and only there')
            labs = [x for x in c['opts'].get('labels', '').split(',') if x]
            for x in labs:
                if x not in CATEGORIES:
                    raise ScriptError(f'{c["where"]}: unknown category {x}')
            if harmful != bool(labs):
                raise ScriptError(f'{c["where"]}: harmful needs labels=, benign must have none')
            if not c['note']:
                raise ScriptError(f'{c["where"]}: no note')
            for i, m in enumerate(b['msgs'], 1):
                u = m['user']
                if u['first'] is None or m['t'] < u['first']:
                    u['first'] = m['t']
                rec = {'type': 'message', 'messageId': f'{cid}-m{i:02d}', 'conversationId': cid,
                       'roomId': b['room'], 'senderId': u['userId'],
                       'recipientIds': [r['userId'] for r in m['recips']], 'sentAt': iso(m['t']),
                       'text': m['text']}
                if m['att']:
                    rec['attachments'] = m['att']
                m['rec'] = rec
                seq += 1
                events.append((m['t'], 1, seq, rec))
            labels[cid] = {'firstFlagMessageId': f'{cid}-m{b["flag"] + 1:02d}' if b['flag'] is not None else None,
                           'kind': c['kind'], 'labels': labs, 'language': c['lang'], 'notes': c['note']}
        for u in users:
            first = u['first']
            if u['created_spec']:
                created = first - ago(u['created_spec'], u['where'])
            else:
                r = rng.random()
                if r < 0.5:
                    created = first - timedelta(days=rng.randint(2, 500), minutes=rng.randint(0, 1439))
                elif r < 0.8:
                    created = first - timedelta(hours=rng.randint(1, 150), minutes=rng.randint(0, 59))
                else:
                    created = first - timedelta(minutes=rng.randint(4, 55), seconds=rng.randint(0, 59))
            updated = max(created, first - timedelta(seconds=rng.randint(5, 240)))
            snap = dict(u['decl'])
            snap['accountCreatedAt'] = iso(created)
            snap['deviceId'] = u['deviceId']
            snap['ipHash'] = u['ipHash']
            u['snap'] = snap
            prof = {'type': 'profile', 'userId': u['userId']}
            prof.update(snap)
            if u['nick']:
                prof['nickname'] = u['nick']
            prof['updatedAt'] = iso(updated)
            seq += 1
            events.append((updated, 0, seq, prof))
        # a profile edited during a conversation: a Profile record, and later snapshots say the new thing
        for b in built:
            for t, u, change in b['edits']:
                u.setdefault('changes', []).append((t, change))
        for u in users:
            u.setdefault('changes', []).sort(key=lambda x: x[0])
            for t, _ in u['changes']:
                prof = {'type': 'profile', 'userId': u['userId']}
                prof.update(snapshot_at(u, t))
                if u['nick']:
                    prof['nickname'] = u['nick']
                prof['updatedAt'] = iso(t)
                seq += 1
                events.append((t, 0, seq, prof))
        seen = set()
        for b in built:
            for m in b['msgs']:
                u = m['user']
                key = (m['rec']['conversationId'], u['userId'])
                p = 0.5 if key not in seen else 0.1
                seen.add(key)
                if rng.random() < p:
                    m['rec']['sender'] = snapshot_at(u, m['t'])
        events.sort(key=lambda e: (e[0], e[1], e[2]))
        return events, labels, built, users


def write(set_name, events, labels):
    with open(os.path.join(OUT, f'{set_name}.jsonl'), 'w', encoding='utf-8') as f:
        for e in events:
            f.write(json.dumps(e[3], ensure_ascii=False, separators=(',', ':')) + '\n')
    with open(os.path.join(OUT, f'{set_name}-labels.json'), 'w', encoding='utf-8') as f:
        json.dump(labels, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')


def main(argv):
    dry = '--stdout' in argv
    b = Builder(seed=20260317)  # one generator for both sets: no user id is shared between them
    try:
        outputs = [('harmful',) + b.build_set('harmful', ['h_*.txt'], 'bl-h-'),
                   ('benign',) + b.build_set('benign', ['b_*.txt', 'e_*.txt'], 'bl-b-')]
    except ScriptError as e:
        print(f'build.py: {e}', file=sys.stderr)
        return 1
    for name, events, labels, built, users in outputs:
        if not dry:
            write(name, events, labels)
        nmsg = sum(len(x['msgs']) for x in built)
        print(f'{name}: {len(built)} conversations, {nmsg} messages, {len(users)} users')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
