#!/usr/bin/env python3
"""Third fresh evaluation set (for measurement first): turns the readable scripts
beside this file into contract JSONL (profiles and messages) and label files.

    python3 src/make_set.py            # rewrites the four output files
    python3 src/make_set.py --check    # rebuilds in memory, compares and validates; writes nothing

Script syntax (one conversation per block; '#' lines are comments):

    === <kind> <fr|en> <room alias | -> [date=2026-MM-DD] [time=HH:MM] [zone=Area/City] [labels=CAT,CAT]
    truth: what really happens (the label's notes: real ages, who is who)
    @a <age|?> <M|F|X|?> <postcode|-|?> <nickname|?> [made=<N><m|h|d>] [same=<key>]
    a: message text
    >> b: message text           (harmful only: the first message a careful moderator flags)
    a: {image} caption           ({image} / {video} / {voice}: one attachment, caption optional)
    ~ 40s | ~ 5m | ~ 3h          (time passes)
    ~ 2d 21:10                   (N days later, at that local time)
    % a age=19 nick=new_name     (the user edits the profile: one more Profile record)

Speakers are single lowercase letters, declared before the first message.
`same=<key>` makes a participant the user declared with that key in an
earlier block of the same output file (a groomer met in a public room and
then in private). `?` leaves a field out of the profile; for `en` a `?`
postcode is sometimes filled with a district, `-` never is. One seeded
generator per output file draws everything random (ids, typing pauses,
account ages, sender snapshots), so a rebuild gives the same bytes.
"""
import argparse
import collections
import glob
import json
import os
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

EVAL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CATEGORIES = ('CHILD_GROOMING', 'MINOR_SEXUALIZATION', 'CSAM', 'AMBUSH', 'HATE_HOMOPHOBIC',
              'SEXUAL_VIOLENCE', 'PROSTITUTION', 'OFF_PLATFORM', 'THREAT')
MIN_PER_CATEGORY = 5
MIN_OFF_PLATFORM = 10
# room alias -> roomId as the operator sends it (the rooms of every fresh set)
ROOMS = {
    # French-speaking rooms
    'ados': 'ados 12-17', 'college': 'collège & lycée', 'blabla': 'blabla', 'tchat': 'tchat général',
    'rencontres': 'rencontres 18+', 'gay': 'gays & bi', 'lgbt': 'lgbtqia+', 'jeux': 'jeux en ligne',
    'parents': 'parents & famille', 'nuit': 'nuit blanche', 'annonces': 'annonces', 'actu': 'actu & débats',
    'modos': 'équipe modération', 'sport': 'sport amateur', 'rap': 'rap & musique', 'bruxelles': 'Bruxelles',
    'geneve': 'Genève & Vaud', 'quebec': 'Québec', 'dakar': 'Dakar', 'abidjan': 'Abidjan', 'lille': 'Lille',
    'toulouse': 'Toulouse', 'nice': 'Nice', 'jdr': 'jeu de rôle', 'sante': 'santé', 'emploi': 'emploi & jobs',
    'podcast': 'podcasts & faits divers',
    # English-speaking rooms
    'teens': 'teens 13-17', 'hangout': 'hangout', 'singles': 'singles 18+', 'queer': 'queer corner',
    'gamers': 'gamers lounge', 'family': 'parents & family', 'insomnia': 'insomnia club',
    'classifieds': 'classifieds', 'newsroom': 'news & views', 'modteam': 'moderators', 'sports': 'sports',
    'music': 'music', 'london': 'London', 'manchester': 'Manchester', 'nyc': 'NYC', 'texas': 'Texas',
    'aussie': 'Aussie chat', 'toronto': 'Toronto', 'dnd': 'tabletop & rpg', 'health': 'health',
    'jobs': 'jobs board', 'truecrime': 'true crime', 'uni': 'uni life',
    # added for fresh2
    'liege': 'Liège', 'lausanne': 'Lausanne', 'montreal': 'Montréal', 'marseille': 'Marseille',
    'etudiants': 'étudiants', 'minecraft': 'minecraft fr', 'foot': 'foot & futsal', 'kpop': 'k-pop fr',
    'dublin': 'Dublin', 'sydney': 'Sydney', 'perth': 'Perth', 'chicago': 'Chicago', 'glasgow': 'Glasgow',
    'anime': 'anime club', 'fortnite': 'fortnite squad', 'trans': 'trans folk', 'nightshift': 'night shift',
    'politics': 'politics',
    # added for fresh3
    'namur': 'Namur', 'fribourg': 'Fribourg', 'sherbrooke': 'Sherbrooke', 'lome': 'Lomé', 'bordeaux': 'Bordeaux',
    'strasbourg': 'Strasbourg', 'equitation': 'équitation & poney', 'streams': 'streams & twitch fr',
    'lecture': 'club lecture', 'pharma': 'pharma & médecine', 'immo': 'immobilier', 'collection': 'collectionneurs',
    'jeunesse': 'aumônerie & jeunesse', 'escape': 'escape games', 'debat': 'club débat',
    'cork': 'Cork', 'leeds': 'Leeds', 'vancouver': 'Vancouver', 'melbourne': 'Melbourne', 'mumbai': 'Mumbai',
    'capetown': 'Cape Town', 'boston': 'Boston', 'stables': 'pony club', 'streamers': 'stream chat',
    'bookclub': 'book club', 'nursing': 'nursing & care', 'property': 'property & lettings',
    'collectors': 'collectors corner', 'youth': 'youth group', 'escaperooms': 'escape rooms', 'debate': 'debate society',
    'writers': 'writers room', 'legal': 'legal questions',
    # added for fresh4
    'langues': 'échange linguistique', 'vr': 'VR & métavers', 'cuisine': 'cuisine & recettes',
    'juridique': 'questions juridiques', 'echecs': 'échecs', 'tricot': 'tricot & couture', 'arbitres': 'arbitres',
    'livreurs': 'livreurs & coursiers',
    'languages': 'language exchange', 'vrworld': 'VR worlds', 'chess': 'chess club', 'knitting': 'knitting & crafts',
    'tenants': 'tenants union', 'drivers': 'drivers & riders',
    # added for fresh5
    'cosplay': 'cosplay & conventions', 'puzzles': 'puzzles & casse-tête', 'meteo': 'météo amateurs',
    'randonnee': 'randonnée', 'chasse': 'chasse & pêche', 'danse': 'danse', 'musique': 'musique & conservatoire',
    'kinshasa': 'Kinshasa', 'douala': 'Douala', 'reunion': 'La Réunion', 'luxembourg': 'Luxembourg',
    'routiers': 'routiers', 'ski': 'ski & montagne', 'ecriture': 'écriture & fanfics', 'vendeurs': 'vendeurs & achats',
    'oiseaux': 'ornithologie', 'transports': 'bus & trains', 'humour': 'humour & stand-up',
    'hiking': 'hiking & trails', 'weather': 'weather watchers', 'dance': 'dance', 'surf': 'surf & beach',
    'retro': 'retro gaming', 'bricks': 'brick builders', 'transit': 'transit fans', 'birding': 'birding',
    'nairobi': 'Nairobi', 'kolkata': 'Kolkata', 'joburg': 'Johannesburg', 'singapore': 'Singapore',
    'fanfic': 'fanfic writers', 'sneakers': 'sneakers & resale', 'comedy': 'comedy club', 'truckers': 'truckers',
}

ZONES = {'fr': 'Europe/Paris', 'en': 'Europe/London'}


@dataclass(frozen=True)
class Spec:
    """What one set owns; everything else is shared."""
    name: str                      # the set's folder under eval/
    title: str                     # the command's one-line description
    user: str                      # user id prefix
    harmful: tuple                 # (conversation id prefix, seed)
    benign: tuple
    first_day: date
    last_day: date
    messages: tuple = (4, 30)      # messages per conversation, inclusive bounds
    others: tuple = None           # sets whose ids this one must not reuse; None: every other set but blind

    @property
    def src(self):
        return os.path.join(EVAL, self.name, 'src')

    @property
    def out(self):
        return os.path.join(EVAL, self.name)
ATTACHMENTS = {'image': ('image', 'image/jpeg'), 'video': ('video', 'video/mp4'), 'voice': ('audio', 'audio/ogg')}
DISTRICTS_EN = ['M14', 'LS6', 'BS3', 'G12', 'E8', 'SE15', 'N16', 'CF24', 'B29', 'NG7', 'EH6', 'L15',
                'S11', 'NE6', 'OX4', 'BN2', 'CB4', 'PL1', 'CV4', 'YO10']

# fiction ranges only: FR 06 39 98 xx xx, UK 07700 900xxx, US 555-01xx
PHONE = re.compile(r'(?<![\w])\+?\d[\d .\-()]{7,}\d')
FICTION = re.compile(r'^(?:063998\d{4}|3363998\d{4}|07700900\d{3}|447700900\d{3}|1?\d{3}55501\d{2})$')

BLOCK = re.compile(r'^=== (\S+) (fr|en) (\S+)((?: \w+=\S+)*)$')
PARTY = re.compile(r'^@([a-z]) (\?|\d+) (\?|[MFX]) (\S+) (\S+)((?: \w+=\S+)*)$')
SAY = re.compile(r'^(>> )?([a-z]): ?(.*)$')
PAUSE = re.compile(r'^~ (\d+)([smhd])(?: (\d\d):(\d\d))?$')
EDIT = re.compile(r'^% ([a-z])((?: \w+=\S+)+)$')
MEDIA = re.compile(r'^\{(image|video|voice)\} ?(.*)$')


class ScriptError(Exception):
    pass


def keyvals(text, where):
    out = {}
    for item in text.split():
        key, sep, value = item.partition('=')
        if not sep:
            raise ScriptError(f'{where}: expected key=value, got {item!r}')
        out[key] = value
    return out


def parse(spec, pattern):
    """Reads every script matching pattern into blocks (dicts), in file and line order."""
    blocks = []
    for path in sorted(glob.glob(os.path.join(spec.src, pattern))):
        block = None
        with open(path, encoding='utf-8') as f:
            for n, raw in enumerate(f, 1):
                line = raw.rstrip()
                where = f'{os.path.basename(path)}:{n}'
                if not line or line.lstrip().startswith('#'):
                    continue
                if m := BLOCK.match(line):
                    kind, lang, room, opts = m.groups()
                    if room != '-' and room not in ROOMS:
                        raise ScriptError(f'{where}: unknown room alias {room!r}')
                    opts = keyvals(opts, where)
                    labels = [c for c in opts.pop('labels', '').split(',') if c]
                    for c in labels:
                        if c not in CATEGORIES:
                            raise ScriptError(f'{where}: unknown category {c!r}')
                    block = {'kind': kind, 'lang': lang, 'room': ROOMS.get(room), 'opts': opts, 'labels': labels,
                             'parties': {}, 'steps': [], 'truth': None, 'where': where}
                    blocks.append(block)
                elif block is None:
                    raise ScriptError(f'{where}: text before the first === block')
                elif line.startswith('truth:'):
                    block['truth'] = line[len('truth:'):].strip()
                elif m := PARTY.match(line):
                    if block['steps']:
                        raise ScriptError(f'{where}: participant declared after the first message')
                    letter, age, sex, pc, nick, opts = m.groups()
                    block['parties'][letter] = {'age': None if age == '?' else int(age),
                                                'sex': None if sex == '?' else sex, 'pc': pc,
                                                'nick': None if nick == '?' else nick, 'opts': keyvals(opts, where)}
                elif m := SAY.match(line):
                    flag, who, text = m.groups()
                    if who not in block['parties']:
                        raise ScriptError(f'{where}: speaker {who!r} not declared')
                    block['steps'].append(('say', who, text, bool(flag), where))
                elif m := PAUSE.match(line):
                    clock = (int(m.group(3)), int(m.group(4))) if m.group(3) else None
                    if clock and m.group(2) != 'd':
                        raise ScriptError(f'{where}: a clock time only goes with days')
                    block['steps'].append(('pause', int(m.group(1)), m.group(2), clock))
                elif m := EDIT.match(line):
                    if m.group(1) not in block['parties']:
                        raise ScriptError(f'{where}: edit for undeclared {m.group(1)!r}')
                    block['steps'].append(('edit', m.group(1), keyvals(m.group(2), where)))
                else:
                    raise ScriptError(f'{where}: cannot read {line!r}')
    return blocks


def duration(n, unit):
    return timedelta(**{{'s': 'seconds', 'm': 'minutes', 'h': 'hours', 'd': 'days'}[unit]: n})


def iso(t):
    return t.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


class Builder:
    """Builds one output file (harmful or benign) from its scripts."""

    def __init__(self, spec, name, pattern, prefix, seed):
        self.spec = spec
        self.name, self.pattern, self.prefix = name, pattern, prefix
        self.rng = random.Random(seed)
        self.taken = set()
        self.users = []
        self.keyed = {}

    def hex(self, n):
        return '%0*x' % (n, self.rng.getrandbits(4 * n))

    def new_user(self, spec, lang):
        key = spec['opts'].get('same')
        if key in self.keyed:
            return self.keyed[key]
        uid = self.spec.user + self.hex(8)
        while uid in self.taken:
            uid = self.spec.user + self.hex(8)
        self.taken.add(uid)
        pc = spec['pc']
        if pc == '-':
            pc = None
        elif pc == '?':
            pc = self.rng.choice(DISTRICTS_EN) if lang == 'en' and self.rng.random() < 0.35 else None
        user = {'userId': uid, 'device': 'd-' + self.hex(6), 'ip': 'h-' + self.hex(8), 'made': spec['opts'].get('made'),
                'state': {'age': spec['age'], 'sex': spec['sex'], 'pc': pc, 'nick': spec['nick']}, 'first': None}
        if key:
            self.keyed[key] = user
        self.users.append(user)
        return user

    def opening(self, block):
        opts = block['opts']
        zone = ZoneInfo(opts.get('zone', ZONES[block['lang']]))
        if 'date' in opts:
            day = date.fromisoformat(opts['date'])
        else:
            spent = sum(s[1] for s in block['steps'] if s[0] == 'pause' and s[2] == 'd')
            room = (self.spec.last_day - self.spec.first_day).days - spent
            day = self.spec.first_day + timedelta(days=self.rng.randint(0, max(room, 0)))
        if 'time' in opts:
            hh, mm = map(int, opts['time'].split(':'))
        else:
            hh, mm = self.rng.randint(9, 22), self.rng.randint(0, 59)
        local = datetime(day.year, day.month, day.day, hh, mm, self.rng.randint(0, 59), tzinfo=zone)
        return local.astimezone(timezone.utc), zone

    def play(self, block):
        """One block as timed messages and profile edits."""
        t, zone = self.opening(block)
        people = {k: self.new_user(v, block['lang']) for k, v in block['parties'].items()}
        said, edits, flagged, after_pause = [], [], None, True
        for step in block['steps']:
            if step[0] == 'pause':
                _, n, unit, clock = step
                if unit == 'd':
                    local = t.astimezone(zone).replace(tzinfo=None) + timedelta(days=n)
                    if clock:
                        local = local.replace(hour=clock[0], minute=clock[1], second=self.rng.randint(0, 59))
                    t = local.replace(tzinfo=zone).astimezone(timezone.utc)
                else:
                    t += duration(n, unit) + timedelta(seconds=self.rng.randint(0, 40))
                after_pause = True
            elif step[0] == 'edit':
                t += timedelta(seconds=self.rng.randint(15, 120))
                edits.append((t, people[step[1]], step[2]))
            else:
                _, who, text, flag, where = step
                if not after_pause:
                    typing = len(text) * self.rng.uniform(0.12, 0.3)
                    think = self.rng.uniform(2, 25) if self.rng.random() > 0.08 else self.rng.uniform(60, 600)
                    t += timedelta(seconds=round(typing + think))
                after_pause = False
                attachments = []
                if m := MEDIA.match(text):
                    kind, mime = ATTACHMENTS[m.group(1)]
                    text = m.group(2)
                    media = {'kind': kind, 'sha256': self.hex(64), 'mime': mime}
                    if kind == 'image':
                        media['pdq'] = self.hex(64)
                    attachments.append(media)
                if not text and not attachments:
                    raise ScriptError(f'{where}: empty message')
                if flag:
                    if flagged is not None:
                        raise ScriptError(f'{where}: a second >> in one conversation')
                    flagged = len(said)
                to = [] if block['room'] else [people[o] for o in people if o != who]
                said.append({'t': t, 'user': people[who], 'text': text, 'attachments': attachments, 'to': to})
        where = block['where']
        if self.name == 'harmful' and (flagged is None or not block['labels']):
            raise ScriptError(f'{where}: a harmful block needs labels= and one >> line')
        if self.name == 'benign' and (flagged is not None or block['labels']):
            raise ScriptError(f'{where}: a benign block has no labels and no >> line')
        if not block['truth']:
            raise ScriptError(f'{where}: missing truth: line')
        lo, hi = self.spec.messages
        if not lo <= len(said) <= hi:
            raise ScriptError(f'{where}: {len(said)} messages ({lo} to {hi} expected)')
        return {'block': block, 'said': said, 'edits': edits, 'flagged': flagged}

    def sender(self, user):
        s = user['state']
        snap = {k: v for k, v in (('declaredAge', s['age']), ('gender', s['sex']), ('postalCode', s['pc']))
                if v is not None}
        snap.update(accountCreatedAt=iso(user['created']), deviceId=user['device'], ipHash=user['ip'])
        return snap

    def profile(self, user, at):
        rec = {'type': 'profile', 'userId': user['userId'], **self.sender(user)}
        if user['state']['nick']:
            rec['nickname'] = user['state']['nick']
        rec['updatedAt'] = iso(at)
        return rec

    def build(self):
        convs = sorted((self.play(b) for b in parse(self.spec, self.pattern)),
                       key=lambda c: (c['said'][0]['t'], c['block']['where']))
        labels = {}
        for n, c in enumerate(convs, 1):
            cid = f'{self.prefix}{n:03d}'
            b = c['block']
            for i, m in enumerate(c['said'], 1):
                u = m['user']
                u['first'] = m['t'] if u['first'] is None else min(u['first'], m['t'])
                m['rec'] = {'type': 'message', 'messageId': f'{cid}-m{i:02d}', 'conversationId': cid,
                            'roomId': b['room'], 'senderId': u['userId'],
                            'recipientIds': [o['userId'] for o in m['to']], 'sentAt': iso(m['t']), 'text': m['text']}
                if m['attachments']:
                    m['rec']['attachments'] = m['attachments']
            first = None if c['flagged'] is None else c['said'][c['flagged']]['rec']['messageId']
            labels[cid] = {'firstFlagMessageId': first, 'kind': b['kind'], 'labels': b['labels'],
                           'language': b['lang'], 'notes': b['truth']}
        events = []  # (time, 0 = profile | 1 = message, sequence, record)
        for u in self.users:
            if u['made']:
                m = re.fullmatch(r'(\d+)([smhd])', u['made'])
                if not m:
                    raise ScriptError(f'bad made={u["made"]!r}')
                back = duration(int(m.group(1)), m.group(2))
            else:
                r = self.rng.random()
                if r < 0.55:
                    back = timedelta(days=self.rng.randint(3, 900), minutes=self.rng.randint(0, 1439))
                elif r < 0.85:
                    back = timedelta(hours=self.rng.randint(2, 120), minutes=self.rng.randint(0, 59))
                else:
                    back = timedelta(minutes=self.rng.randint(3, 55), seconds=self.rng.randint(0, 59))
            u['created'] = u['first'] - back
            at = max(u['created'], u['first'] - timedelta(seconds=self.rng.randint(5, 240)))
            events.append((at, 0, len(events), self.profile(u, at)))
        for c in convs:
            pending = sorted(c['edits'], key=lambda e: e[0])
            seen = set()
            for m in c['said']:
                while pending and pending[0][0] <= m['t']:
                    self.edit(pending.pop(0), events)
                u = m['user']
                if self.rng.random() < (0.1 if u['userId'] in seen else 0.45):
                    m['rec']['sender'] = self.sender(u)
                seen.add(u['userId'])
                events.append((m['t'], 1, len(events), m['rec']))
            for e in pending:
                self.edit(e, events)
        events.sort(key=lambda e: e[:3])
        return [e[3] for e in events], labels

    def edit(self, change, events):
        t, user, fields = change
        for k, v in fields.items():
            if k not in ('age', 'sex', 'pc', 'nick'):
                raise ScriptError(f'unknown profile field {k!r}')
            user['state'][k] = None if v == '?' else int(v) if k == 'age' else v
        events.append((t, 0, len(events), self.profile(user, t)))


def phones(text):
    """Digit runs that look like phone numbers, separators removed."""
    return [re.sub(r'\D', '', p) for p in PHONE.findall(text) if len(re.sub(r'\D', '', p)) >= 9]


def validate(spec, name, records, labels, prefix):
    """Checks what the set promises (README, 'Rebuild and check'); returns the problems found."""
    problems = []
    convs = collections.defaultdict(list)
    profiles = set()
    last = None
    for r in records:
        key = r.get('messageId') or r.get('userId')
        t = r['sentAt'] if r['type'] == 'message' else r['updatedAt']
        if last and t < last:
            problems.append(f'{name}: {key} out of time order')
        last = t
        if not t.startswith('2026-'):
            problems.append(f'{name}: {key} not in 2026')
        if r['type'] == 'profile':
            if not r['userId'].startswith(spec.user):
                problems.append(f'{name}: user id {r["userId"]} without the {spec.user} prefix')
            profiles.add(r['userId'])
            continue
        for k in ('messageId', 'conversationId', 'senderId', 'sentAt', 'text'):
            if r.get(k) is None:
                problems.append(f'{name}: {key} lacks {k}')
        if not r['text'] and not r.get('attachments'):
            problems.append(f'{name}: {key} has neither text nor attachment')
        if r['senderId'] not in profiles:
            problems.append(f'{name}: {key} comes before its sender\'s profile')
        if (r['roomId'] is None) != bool(r['recipientIds']):
            problems.append(f'{name}: {key} private without recipients, or in a room with recipients')
        if not re.fullmatch(re.escape(prefix) + r'\d{3}', r['conversationId']):
            problems.append(f'{name}: conversation id {r["conversationId"]} not {prefix}NNN')
        if not re.fullmatch(re.escape(r['conversationId']) + r'-m\d\d', key):
            problems.append(f'{name}: message id {key} not <conversation>-mNN')
        for p in phones(r['text']):
            if not FICTION.match(p):
                problems.append(f'{name}: {key} has a phone number outside the fiction ranges: {p}')
        convs[r['conversationId']].append(key)
    if set(convs) != set(labels):
        problems.append(f'{name}: conversations and labels differ: {sorted(set(convs) ^ set(labels))}')
    for cid, lab in labels.items():
        if set(lab) != {'firstFlagMessageId', 'kind', 'labels', 'language', 'notes'}:
            problems.append(f'{name}: {cid} has label keys {sorted(lab)}')
            continue
        if lab['language'] not in ('fr', 'en'):
            problems.append(f'{name}: {cid} language {lab["language"]!r}')
        if not lab['kind'] or not lab['notes']:
            problems.append(f'{name}: {cid} lacks a kind or notes')
        if not spec.messages[0] <= len(convs[cid]) <= spec.messages[1]:
            problems.append(f'{name}: {cid} has {len(convs[cid])} messages')
        if name == 'harmful':
            if lab['firstFlagMessageId'] not in convs[cid]:
                problems.append(f'{name}: {cid} firstFlagMessageId {lab["firstFlagMessageId"]} is not one of its messages')
            if not set(lab['labels']) - {'OFF_PLATFORM'}:
                problems.append(f'{name}: {cid} needs a harm category besides OFF_PLATFORM')
            if len(set(lab['labels'])) != len(lab['labels']):
                problems.append(f'{name}: {cid} repeats a label')
        elif lab['labels'] or lab['firstFlagMessageId'] is not None:
            problems.append(f'{name}: {cid} is benign but labelled')
    return problems


def others_of(spec):
    """The sets whose ids this one must not reuse: the spec's own list, else every other set folder under eval/ with
    messages in it but blind (never opened by any tool here), as FreshSetTest derives them."""
    if spec.others is not None:
        return tuple(spec.others)
    return tuple(sorted(n for n in (os.path.basename(os.path.dirname(p)) for p in glob.glob(
        os.path.join(EVAL, '*', 'harmful.jsonl'))) if n not in (spec.name, 'blind')))


def foreign_ids(spec):
    """Conversation, message and user ids of the sets this one may be merged with (ids only, read by program)."""
    ids = set()
    for other in others_of(spec):
        for path in glob.glob(os.path.join(EVAL, other, '*.jsonl')):
            with open(path, encoding='utf-8') as f:
                for line in f:
                    r = json.loads(line)
                    ids.update(v for v in (r.get('conversationId'), r.get('messageId'), r.get('userId'),
                                           r.get('senderId')) if v)
    return ids


def tally(labels):
    table = collections.defaultdict(collections.Counter)
    langs = collections.Counter()
    for lab in labels.values():
        langs[lab['language']] += 1
        for c in lab['labels']:
            table[c][lab['language']] += 1
    return table, langs


def render(records, labels):
    lines = ''.join(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n' for r in records)
    return lines, json.dumps(labels, ensure_ascii=False, indent=1, sort_keys=True) + '\n'


def files(spec, name):
    return os.path.join(spec.out, f'{name}.jsonl'), os.path.join(spec.out, f'{name}-labels.json')


def read_back(spec, name):
    data, label = files(spec, name)
    with open(data, encoding='utf-8') as f:
        records = [json.loads(line) for line in f]
    with open(label, encoding='utf-8') as f:
        return records, json.load(f)


def main(spec):
    ap = argparse.ArgumentParser(description=spec.title)
    ap.add_argument('--check', action='store_true',
                    help='write nothing; exit 1 if the files differ from a rebuild or break a rule')
    args = ap.parse_args()
    problems, users, ids = [], {}, {}
    for name, pattern, (prefix, seed) in (('harmful', 'h_*.txt', spec.harmful), ('benign', 'b_*.txt', spec.benign)):
        try:
            records, labels = Builder(spec, name, pattern, prefix, seed).build()
        except ScriptError as e:
            print(f'error: {e}', file=sys.stderr)
            return 1
        for path, text in zip(files(spec, name), render(records, labels)):
            if args.check:
                with open(path, encoding='utf-8') as f:
                    if f.read() != text:
                        problems.append(f'{os.path.basename(path)} differs from a rebuild of the scripts')
            else:
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
        records, labels = read_back(spec, name)
        problems += validate(spec, name, records, labels, prefix)
        users[name] = {r['userId'] for r in records if r['type'] == 'profile'}
        ids[name] = users[name] | {r.get('messageId') for r in records} | set(labels)
        table, langs = tally(labels)
        n_msg = sum(r['type'] == 'message' for r in records)
        print(f'{name}: {len(labels)} conversations (fr {langs["fr"]}, en {langs["en"]}), {n_msg} messages, '
              f'{len(records) - n_msg} profile records, {len(users[name])} users')
        for c in CATEGORIES:
            if table[c]:
                print(f'  {c:20s} {sum(table[c].values()):3d}  (fr {table[c]["fr"]}, en {table[c]["en"]})')
        if name == 'harmful':
            short = [c for c in CATEGORIES
                     if sum(table[c].values()) < (MIN_OFF_PLATFORM if c == 'OFF_PLATFORM' else MIN_PER_CATEGORY)]
            if short:
                problems.append(f'harmful: too few conversations for {short}')
    if users['harmful'] & users['benign']:
        problems.append('a user id is in both files: merging them would make two people one')
    clash = (ids['harmful'] | ids['benign']) & foreign_ids(spec)
    if clash:
        problems.append(f'ids shared with the {", ".join(others_of(spec))} sets: {sorted(clash)[:5]}')
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0

