#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic county-scale plan for benchmarks.

    generate.py ACTIONS OUT.json [--seed N] [--updates N] [--update-length N]
                                 [--partners N] [--review-fraction F] [--indent N]

ACTIONS actions across 20 priorities of 5 themes each (100 themes), each
action with --updates (4) progress updates of about --update-length (300)
characters, 1 to 3 owners from a directory of --partners (500) partners,
realistic dates within 2018-19, and a review of last year
--review-fraction (0.1) the size. The same arguments always give the
same file.

The file is compact JSON (no spaces or line breaks) unless --indent is
given: a plan's content is then about 2.2 KB per action, so 10,000
actions make about 22 MB. CSP Planner itself saves with --indent 2,
which adds about 40% of spaces (32 MB for 10,000 actions).
"""

import argparse
import json
import random
import uuid

NAMESPACE = uuid.UUID("0e5b1f0c-5a8e-4d7e-9f6a-2b3c4d5e6f70")
STATUSES = ["not-started", "on-track", "at-risk", "off-track", "complete"]
WORDS = ("partnership borough police council housing victims referrals young people "
         "community safety awareness training schools campaign wardens hotspot "
         "mediation programme domestic abuse support services meeting quarter review "
         "operation residents prevention youth engagement officers funding").split()


def ident(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def sentence(rng, length):
    words = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(WORDS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def stamp(rng):
    return "2018-%02d-%02dT%02d:%02d:00Z" % (rng.randint(4, 12), rng.randint(1, 28),
                                              rng.randint(8, 17), rng.randint(0, 59))


def action(rng, key, partners, args):
    updates = []
    for u in range(args.updates):
        month = 4 + (u * 12 // max(args.updates, 1)) + rng.randint(0, 2)
        year = 2018 if month <= 12 else 2019
        updates.append({
            "id": ident(key, "update", u),
            "date": "%04d-%02d-%02d" % (year, (month - 1) % 12 + 1, rng.randint(1, 28)),
            "author": rng.choice(["A. Officer", "B. Lead", "C. Chair", ""]),
            "status": rng.choice(STATUSES + [""]),
            "text": sentence(rng, args.update_length),
        })
    owners = [{"partner": rng.choice(partners)["id"]} for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.1:
        owners.append({"name": "All partners"})
    return {
        "id": ident(key),
        "text": sentence(rng, rng.randint(60, 160)),
        "owners": owners,
        "status": rng.choice(STATUSES),
        "due": "2019-%02d-%02d" % (rng.randint(1, 3), rng.randint(1, 28)) if rng.random() < 0.5 else "",
        "outcome": "",
        "modified": stamp(rng),
        "updates": updates,
    }


def priorities(rng, prefix, n_actions, partners, args):
    result = []
    for p in range(20):
        themes = []
        for t in range(5):
            index = p * 5 + t
            count = n_actions // 100 + (1 if index < n_actions % 100 else 0)
            themes.append({
                "id": ident(prefix, p, t),
                "title": "Theme %d.%d" % (p + 1, t + 1),
                "modified": stamp(rng),
                "actions": [action(rng, (prefix, p, t, a), partners, args)
                            for a in range(count)],
            })
        result.append({"id": ident(prefix, p), "title": "Priority %d" % (p + 1),
                       "scope": sentence(rng, 80), "description": "", "modified": stamp(rng),
                       "themes": themes})
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("actions", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--updates", type=int, default=4, help="progress updates per action")
    parser.add_argument("--update-length", type=int, default=300, help="characters per update")
    parser.add_argument("--partners", type=int, default=500)
    parser.add_argument("--review-fraction", type=float, default=0.1,
                        help="actions in last year's review, as a fraction of ACTIONS")
    parser.add_argument("--indent", type=int, default=None,
                        help="pretty-print with this indent (CSP Planner saves with 2); default compact")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    partners = [{
        "id": ident("partner", i), "name": "Partner organisation %d" % i, "short_name": "P%d" % i,
        "phone": "01732 %06d" % i, "website": "www.partner%d.org.uk" % i, "email": "info@partner%d.org.uk" % i,
        "address": "", "member": i % 5 != 0, "contacts": [], "notes": "", "modified": stamp(rng),
    } for i in range(args.partners)]

    plan = {
        "format": "csp-plan", "version": 1, "id": ident("plan", args.actions), "ancestors": [],
        "title": "County plan with %d actions" % args.actions, "partnership": "Synthetic County Partnership",
        "area": "Synthetic County", "period": {"start": "2018-04-01", "end": "2019-03-31"},
        "contact": {"phone": "", "email": "", "website": "", "social": []},
        "sections": [{"id": ident("section", 0), "title": "Introduction", "body": sentence(rng, 2000)}],
        "review": {"title": "Review of actions 2017/18", "period": {"start": "2017-04-01", "end": "2018-03-31"},
                   "summary": sentence(rng, 500),
                   "priorities": priorities(rng, "review", int(args.actions * args.review_fraction), partners, args),
                   "initiatives": []},
        "priorities": priorities(rng, "plan", args.actions, partners, args),
        "partners": partners,
        "glossary": [{"id": ident("term", i), "term": "T%d" % i, "definition": sentence(rng, 60)}
                     for i in range(50)],
        "deleted": [],
    }
    with open(args.out, "w") as f:
        if args.indent is None:
            json.dump(plan, f, separators=(",", ":"), ensure_ascii=False)
        else:
            json.dump(plan, f, indent=args.indent, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
