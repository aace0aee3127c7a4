"""How an answer comes across to a recruiter: red flags and claims made without proof.

Red flags are phrases recruiters screen for in BPO interviews because they predict early exits or
trouble on the floor: not wanting the work (boredom, working alone, not caring), blaming others
or refusing what is "not my job", terms a shift roster cannot meet (day shift only, Sundays off),
skipping the process (not informing the team leader, cutting calls, lying to customers, sharing
one's login, speed before accuracy), not wanting calls monitored, and treating the job as stop-gap
or money only, or having left one without serving notice. Overclaims are self-praise no answer can
prove ("born leader", "110 percent", "I never make mistakes"). Both are found as phrases with their
spans, like the language findings, and are reported as `language_issues` of type `red_flag` and
`overclaim`, with a tip, and cost the fixed "impression" share of the score (see weights.py), as
does a wrongly expanded abbreviation (terms.py): the field's own words got wrong.
"""

from __future__ import annotations

import re

from bpoprep.wording import gettext_noop

from .language import LanguageIssue, regex_issues

NOT_KEEN = gettext_noop("Sounds as if you would not enjoy the work; say what keeps you going instead.")
BLAME = gettext_noop("Blaming others worries interviewers; say what you did or what you learnt.")
SKIPS_PROCESS = gettext_noop("Skipping the process is a red flag on the floor; say how you would follow it.")
STOP_GAP = gettext_noop("Sounds as if you may not stay; tie your answer to this job and where it leads.")
FIXED_TERMS = gettext_noop("BPO work runs in shifts, weekends included; say what you can manage, not only what you need.")
UNPROVEN = gettext_noop("A claim no one can check; show it with one example or a number instead.")

_NOT_NEGATED = r"(?<!not )(?<!never )(?<!n't )(?<!no )"
_RED_FLAGS = [
    (NOT_KEEN, r"\bprefer(?:s|red|ring)? (?:to )?work(?:ing)? alone\b"),
    (NOT_KEEN, _NOT_NEGATED + r"\b(?:get|gets|getting|got|feel|felt|become|became) (?:very |so |easily )?bored\b"),
    (NOT_KEEN, r"\b(?:it is|it's|it was|job is|work is|job was|work was|is|was) (?:very |so |too |really )?boring\b"),
    (NOT_KEEN, r"\bi (?:really )?(?:don't|do not|didn't|did not) (?:really )?care\b"),
    (NOT_KEEN, r"\bnot (?:really )?(?:interested|serious) (?:in|about) (?:this|the|a) (?:job|field|line|process|work|role)\b"),
    (NOT_KEEN, r"\b(?:i am|i'm) not (?:that |the )?(?:type|kind) of person who (?:can|likes)\b"),
    (NOT_KEEN, r"\b(?:my )?(?:parents|father|mother|family) forced me\b"),
    # Calls are monitored and scored in every BPO: not wanting it is not wanting the job.
    (NOT_KEEN, r"\b(?:don't|do not|won't|will not|would not|wouldn't) (?:like|want|need) (?:my calls |my work |anyone |someone )?(?:being |to be )?(?:monitored|recorded|checked|watched|listened to)\b"),
    (NOT_KEEN, r"\b(?:calls?|work) (?:would|will) (?:ever |never )?(?:need|require) (?:any )?checking\b"),
    (BLAME, r"\bnot my (?:fault|mistake)\b"),
    (BLAME, r"\bbecause of (?:them|him|her|my (?:team|teammates|colleagues|manager|tl|team leader|supervisor)) only\b"),
    (BLAME, r"\b(?:he|she|they|my (?:manager|tl|team leader|supervisor|trainer)) should have (?:explained|told|trained|informed|taught)\b"),
    (BLAME, r"\b(?:the )?other (?:members|people|students|three|two|guys) (?:did|do|were doing) nothing\b"),
    (BLAME, r"\b(?:can't|cannot|can not) depend on (?:others|anyone|anybody|them|my team)\b"),
    (BLAME, r"\b(?:did not|didn't|never|won't|will not) (?:give|gave) (?:me|us) (?:a )?(?:fair|proper|real) chance\b"),
    (BLAME, r"\balready (?:selected|decided|chosen) their own\b"),
    (BLAME, r"\bno use (?:of )?(?:talking|explaining|speaking|arguing) (?:to|with) (?:such|these|those|this type of) (?:people|persons|customers)\b"),
    # "Not my department" is how a call gets transferred, and "even if it is not my job" is how
    # help is offered: neither is flagged.
    (BLAME, r"(?<!even if )(?<!even though )\b(?:this|that|it) (?:is|was) not my (?:job|work|responsibility|headache|problem)\b"),
    (BLAME, r"\b(?:their|his|her|the (?:company|management|manager|tl|team leader|client)'s) (?:own )?(?:\w+ )?(?:mistake|fault|problem|error),? not (?:mine|my)\b"),
    (FIXED_TERMS, r"(?<!n't need a )(?<!not need a )(?<!n't want a )(?<!not want a )(?<!no )\b(?:fixed |only )(?:a )?(?:day|morning|general) shift(?: only)?\b|\b(?:day|morning|general) shift only\b"),
    (FIXED_TERMS, r"\b(?:won't|will not|cannot|can't|can not|don't|do not) (?:do|work|take|manage|accept) (?:any )?(?:night|rotational|late|weekend) (?:shifts?|work)\b"),
    (FIXED_TERMS, _NOT_NEGATED + r"\b(?:need|want|must have|should get) (?:all |my |every )?(?:sundays?|weekends?|saturdays? and sundays?) off\b"),
    (FIXED_TERMS, r"\bnight shifts? (?:will|would|is|may) (?:be )?(?:difficult|a problem|not possible|tough)(?: for me)?\b"),
    (FIXED_TERMS, _NOT_NEGATED + r"(?<!not be )(?<!n't be )\b(?:difficult|hard|not possible) for me to (?:come|do|work|manage)\b"),
    (FIXED_TERMS, r"\bnight shifts?,? i (?:don't|do not|dont) know\b|\bi will see after joining\b"),
    (SKIPS_PROCESS, r"\bno need to (?:inform|tell|disturb|call|ask|update) (?:my |the |anyone|anybody)"),
    (SKIPS_PROCESS, r"\b(?:will|would) not (?:inform|tell|update) (?:anyone|anybody)\b|\b(?:won't|wouldn't) (?:inform|tell|update) (?:anyone|anybody)\b"),
    (SKIPS_PROCESS, r"\bi (?:will |would |just |simply )?(?:cut|disconnect|drop) the call\b"),
    (SKIPS_PROCESS, r"\bi (?:will |would |can |could |just )?lie to (?:the |a )?customers?\b"),
    (SKIPS_PROCESS, r"\b(?:will|would) anyway (?:check|catch|correct|fix)\b|\b(?:quality|qc|qa) team (?:will|would) (?:check|catch|correct|fix) (?:it|them|my mistakes|the (?:errors|mistakes)) (?:anyway|later)\b"),
    (SKIPS_PROCESS, _NOT_NEGATED + r"\b(?:share|give|tell) (?:\w+ )?my (?:password|login|credentials)\b"),
    (SKIPS_PROCESS, r"\bspeed (?:matters|is) more (?:important )?than accuracy\b"),
    (SKIPS_PROCESS, r"\brules are (?:just |only |more like )?(?:guidelines|for namesake|made to be broken)\b"),
    (SKIPS_PROCESS, r"\b(?:small|minor|a few|some) (?:mistakes|errors) (?:are|is) (?:not|no) (?:a )?(?:big|major)? ?(?:problem|issue|deal)\b"),
    (STOP_GAP, r"\b(?:salary|money|pay|package|incentives?) (?:is|are) (?:the |my )?(?:main|only|most important|biggest) (?:reason|thing|motivation|factor)\b"),
    (STOP_GAP, r"\bonly (?:for|because of) (?:the )?(?:salary|money|pay)\b"),
    (STOP_GAP, r"\b(?:just|only) (?:need|want|looking for) (?:a|any) job\b|\bany job (?:is fine|will do|is okay|is ok)\b"),
    (STOP_GAP, r"\beasy (?:job|money)\b"),
    (STOP_GAP, r"\b(?:the )?work is (?:very |so )?easy\b(?! (?:to learn|once|when|if|after))|\bjust sit and (?:take|attend) calls\b"),
    (STOP_GAP, r"\bwithout (?:serving|giving|completing) (?:the |my |any )?notice(?: period)?\b"),
    (STOP_GAP, r"\b(?:till|until) then only\b|\b(?:do|doing|take|join|continue) this job (?:only )?(?:till|until|for now|for the time being)\b"),
    (STOP_GAP, r"\bno (?:special |big |particular )?(?:degree|qualification|skills?) (?:is )?(?:needed|required)\b|\bno need (?:of|for) (?:any )?(?:special )?(?:degree|qualification|skills?)\b"),
    (STOP_GAP, r"\btime ?pass\b"),
    (STOP_GAP, r"\b(?:just|only) for (?:the )?(?:experience|a few months|some time|one year|six months)\b"),
    (STOP_GAP, r"\b(?:leave|quit|switch) (?:after|within|in) (?:a few|six|6|some|one|1|a couple of) (?:months?|years?)\b"),
    (STOP_GAP, r"\b(?:preparing|prepare|study|studying) for (?:government|govt|bank|upsc|ssc|cat|gre|gate) (?:jobs?|exams?)\b|\b(?:go|going) for higher studies\b"),
]
_OVERCLAIMS = [
    r"\b(?:i am|i'm) (?:the )?(?:best|greatest|perfect) (?:\w+ )?(?:person|candidate|salesperson|employee|leader|agent|fit|choice)\b",
    r"\b(?:i am|i'm) (?:a )?perfectionist\b",
    r"\b(?:born|natural) (?:leader|salesperson|salesman|motivator|communicator|talker)\b",
    r"\b(?:give|giving|gives|gave) (?:my |our )?(?:110|120|one hundred and ten|hundred and ten) ?(?:percent|per cent|%)",
    r"\beveryone who (?:meets|knows) me\b",
    r"\bi (?:never|don't ever|do not ever) make (?:any )?mistakes?\b",
    r"\bi can (?:do|handle|achieve|sell) anything\b",
    r"\b(?:magnetic|charismatic) personality\b",
    r"\b(?:attitude is everything|the sky is the limit|makes the dream work|nothing is impossible)\b",
    r"\bi (?:will|can) learn everything\b",
    r"\b(?:rate|give|giving|rating) myself (?:a )?(?:full )?(?:ten|10)(?: out of (?:ten|10)\b|/10\b|(?=[.,!;]|$))",
    r"\basset to (?:any|your) (?:team|company|organi[sz]ation)\b",
]
TYPES = ("red_flag", "overclaim", "wrong_term")  # wrong_term: terms.py
# Running down a past employer (language.negative_talk) also costs this part, as well as counting
# as a language slip: leave-one-writer-out ordering on the training files' parts 836 -> 838 of 908.
COSTS = (*TYPES, "negative_talk")
_RED_RES = [(re.compile(p, re.I), message) for message, p in _RED_FLAGS]
_OVER_RES = [(re.compile(p, re.I), UNPROVEN) for p in _OVERCLAIMS]


def red_flags(text: str) -> list[LanguageIssue]:
    return sorted(regex_issues(text, _RED_RES, "red_flag"), key=lambda i: i.span.start)


def overclaims(text: str) -> list[LanguageIssue]:
    return sorted(regex_issues(text, _OVER_RES, "overclaim"), key=lambda i: i.span.start)


def score(issues: list[LanguageIssue]) -> float:
    """1 for an answer with none, 0.5 with one, 0 with two or more (one is enough to be noticed)."""
    return 1.0 - min(sum(i.type in COSTS for i in issues), 2) / 2
