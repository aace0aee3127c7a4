"""Language findings in an answer: fillers, hedging, office Indianisms, negative talk about past
employers, common grammar slips and spelling. Every finding carries the span it is about."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from bpoprep.wording import fill, gettext_noop

from .text import Span, words


@dataclass(frozen=True)
class LanguageIssue:
    type: str  # spelling | grammar | indianism | hedging | negative_talk (and red_flag | overclaim from impression.py, wrong_term from terms.py)
    span: Span
    suggestion: str
    message: str


@dataclass(frozen=True)
class FillerCount:
    text: str
    count: int
    spans: tuple[Span, ...]


# Fillers that are fillers wherever they appear. Multi-word ones first, so "you know" is not
# counted as "you" + "know" elsewhere. Indian-English fillers are common in interviews.
_ALWAYS_FILLERS = [
    "you know what i mean", "you know", "i mean", "sort of", "kind of", "you see", "what to say",
    "like that only", "and all", "and all that", "um", "umm", "uh", "uhh", "er", "erm", "hmm", "ah",
    "matlab", "acha", "accha", "achha", "basically", "actually", "literally", "honestly speaking",
]
# "like", "so", "right", "okay" are fillers only in certain positions (see _context_fillers).
_ALWAYS = re.compile(r"(?<![\w'])(" + "|".join(sorted((re.escape(f) for f in _ALWAYS_FILLERS), key=len, reverse=True)) + r")(?![\w'])", re.I)
_LIKE = re.compile(r"(?:(?<=[,.!?])|(?<=^)|(?<=\bum)|(?<=\buh))\s*\blike\b\s*,|,\s*\blike\b(?=\s*,|\s+\w+\s*,)|\blike\b\s*,", re.I)
_SO_START = re.compile(r"(?:^|(?<=[.!?]\s))\s*so\s*,", re.I)
_RIGHT_TAG = re.compile(r",\s*(right|okay|ok|na|no)\s*\?", re.I)

_HEDGES = [
    (r"\bi (?:think|guess|feel) (?:maybe|probably|perhaps)\b", gettext_noop("Say it plainly: drop the double hedge.")),
    (r"\bi (?:guess|suppose)\b", gettext_noop("State it as a fact you stand behind.")),
    (r"\b(?:i am|i'm) not (?:very |really )?sure(?: but)?\b", gettext_noop("If you know it, say it; if not, say how you would find out.")),
    (r"\bi (?:will|would|can) try (?:to|my best)\b", gettext_noop("Say what you will do, not that you will try.")),
    (r"\bhopefully\b", gettext_noop("Replace with what you will do to make it happen.")),
    (r"\bmaybe\b", gettext_noop("Be definite where you can.")),
    (r"\bi think i can\b", gettext_noop("Say 'I can' and give the evidence.")),
]
_HEDGE_RES = [(re.compile(p, re.I), tip) for p, tip in _HEDGES]

# Office phrases that read as Indian English to international clients and recruiters.
_INDIANISMS = [
    (r"\bdo the needful\b", "please take care of this", gettext_noop("'Do the needful' is vague; say exactly what you need.")),
    (r"\brevert back\b", "reply", gettext_noop("'Revert' already means 'go back'; say 'reply' or 'get back to you'.")),
    (r"\brevert to (?:me|you|us)\b", "reply to", gettext_noop("'Revert' means 'go back'; say 'reply to'.")),
    (r"\bprepone(?:d)?\b", "bring forward", gettext_noop("'Prepone' is not understood outside India; say 'bring forward'.")),
    (r"\binform the same\b", "let you know", gettext_noop("'Inform the same' is stiff; say 'let you know'.")),
    (r"\b(?:have|had|has) a doubt\b", "have a question", gettext_noop("A 'doubt' suggests disbelief; say 'question'.")),
    (r"\bpassed out (?:of|from|in)\b", "graduated from", gettext_noop("'Passed out' means fainted; say 'graduated'.")),
    (r"\b(?:today|tomorrow|now|here) itself\b", "today / right now", gettext_noop("Drop 'itself': 'today' is enough.")),
    (r"\bcousin (?:brother|sister)\b", "cousin", gettext_noop("'Cousin' is enough in English.")),
    (r"\bout of station\b", "out of town", gettext_noop("Say 'out of town' or 'travelling'.")),
    (r"\bkindly\b", "please", gettext_noop("'Kindly' sounds formal and dated; 'please' is warmer.")),
    (r"\bdiscuss about\b", "discuss", gettext_noop("'Discuss' takes no 'about'.")),
    (r"\breturn back\b", "return", gettext_noop("'Return' already means 'go back'.")),
    (r"\brepeat again\b", "repeat", gettext_noop("'Repeat' already means 'again'.")),
    (r"\b(?i:myself) [A-Z][a-z]+", "My name is …", gettext_noop("Introduce yourself with 'My name is …' or 'I am …'.")),
]
# Case-sensitive where the pattern says so ("Myself Rahul" needs the capital of a name).
_INDIANISM_RES = [(re.compile(p) if "(?i:" in p else re.compile(p, re.I), s, m) for p, s, m in _INDIANISMS]

NEGATIVE_INSTEAD = gettext_noop("Say what you learned or what you want next instead.")
NEGATIVE_WHY = gettext_noop("Criticising a past employer or team worries interviewers, whatever the truth.")
MISSPELT = gettext_noop("'{word}' looks misspelt; did you mean '{fix}'?")
_NEGATIVE = re.compile(
    r"\b(?:my|the|our) (?:previous|last|old|ex|former|current)?\s*(?:company|employer|manager|boss|team ?lead(?:er)?|tl|supervisor|office|management|team|job|college)\b"
    r"[^.!?]{0,40}?\b(?:was|were|is|are)\b[^.!?]{0,25}?\b(?:bad|terrible|horrible|toxic|useless|worst|rude|unfair|stupid|pathetic|incompetent|lazy|hopeless|poor|not good)\b"
    r"|\bi (?:hated|hate|couldn't stand|could not stand) (?:my|the|that) (?:job|boss|manager|company|team)\b",
    re.I,
)

# Common grammar slips in Indian-English interview answers: (pattern, suggestion, message).
_GRAMMAR = [
    (r"\bi am having (?:\d+|one|two|three|some|good|\w+ years?)", "I have", gettext_noop("Use 'I have' for experience and possessions, not 'I am having'.")),
    (r"\b(?:i am|i have been) (?:working|studying|living) (?:here |there |in \w+ )?since (?:\d+|one|two|three|four|five|six) (?:years?|months?)\b", "for … years", gettext_noop("Use 'for' with a length of time ('for two years'), 'since' with a start point ('since 2022').")),
    (r"\b(?:he|she|it) don't\b", "doesn't", gettext_noop("With he, she or it, use 'doesn't'.")),
    (r"\bmore (?:better|easier|faster|bigger|higher|smaller|quicker)\b", "better / easier …", gettext_noop("Drop 'more' before a comparative.")),
    (r"\bexplain (?:me|him|her|them|us)\b", "explain to me", gettext_noop("'Explain' needs 'to': 'explain to me'.")),
    (r"\bone of the (?:best|main|biggest|important|good) (?!\w+s\b)\w+\b", "one of the … (plural noun)", gettext_noop("After 'one of the', use a plural noun.")),
    (r"\ban (?=[bcdfgjklmnpqrstvwxz][a-z])(?!(?:hour|honest|honou?r|heir|mba|sme|fcr|sla|nps|mis|sop|mnc|ms)\b)\w+", "a", gettext_noop("Use 'a' before a consonant sound.")),
    (r"\ba (?=[aeiou][a-z])(?!(?:one|once|uni|use|usu|euro|user)\w*)\w+", "an", gettext_noop("Use 'an' before a vowel sound.")),
    (r"\ban (?=u(?:s|ni|ti|ro)|eu|one\b|once\b)\w+", "a", gettext_noop("Use 'a' before a 'you' or 'w' sound: 'a useful', 'a one-time'.")),
    (r"\ba (?=(?:hour|honest|honou?r|heir)\w*)\w+", "an", gettext_noop("Use 'an' before a silent h: 'an hour', 'an honest'.")),
    (r"\b(?:we|they|you) was\b", "were", gettext_noop("Use 'were' with we, they and you: 'we were', 'they were' (but 'I was').")),
    (r"\bdid (?:not )?(?:went|came|gave|took|spoke|made|said|told)\b", "did + base verb", gettext_noop("After 'did', use the base verb: 'did go', 'did not tell'.")),
    (r"\b(?:can|could|should|will|would|must) (?:able to)\b", "be able to", gettext_noop("Say 'can' or 'will be able to'.")),
    (r"\bcomprises of\b", "comprises / consists of", gettext_noop("'Comprises' takes no 'of'.")),
]
_GRAMMAR_RES = [(re.compile(p, re.I), s, m) for p, s, m in _GRAMMAR]

# Words the spelling dictionary does not know but an answer about BPO work will use.
DOMAIN_WORDS = {
    "bpo", "kpo", "lpo", "aht", "fcr", "csat", "nps", "ces", "sla", "asa", "acw", "ivr", "acd", "crm", "qa", "tl", "sme", "kpi", "kpis",
    "versant", "svar", "amcat", "ctc", "pf", "esi", "gst", "tds", "emi", "upi", "otp", "kyc", "pan", "aadhaar", "aadhar", "neft", "imps", "rtgs",
    "zendesk", "freshdesk", "salesforce", "hubspot", "tally", "sap", "excel", "vlookup", "xlookup", "pivot", "gmail", "whatsapp", "flipkart",
    "amazon", "swiggy", "zomato", "paytm", "phonepe", "jio", "airtel", "vodafone", "infosys", "wipro", "tcs", "genpact", "concentrix",
    "teleperformance", "accenture", "cognizant", "hcl", "startek", "sutherland", "ttec", "alorica", "hgs", "firstsource", "tech", "webinar",
    "onboarding", "upsell", "upselling", "cross-sell", "escalations", "helpdesk", "chatbot", "backend", "frontend", "omnichannel", "workflow",
    "bengaluru", "bangalore", "mumbai", "pune", "hyderabad", "chennai", "kolkata", "noida", "gurugram", "gurgaon", "delhi", "jaipur", "lucknow",
    "indore", "chandigarh", "kochi", "ahmedabad", "mohali", "nagpur", "bhopal", "coimbatore", "mysuru", "mysore", "vizag", "patna",
    "demat", "b.com", "bcom", "bca", "bba", "mba", "mca", "btech", "puc", "hsc", "ssc", "cbse", "icse", "ncc", "nss", "ok", "okay", "email", "emails",
    "e-mail", "wifi", "app", "apps", "login", "logout", "username", "timeline", "deadline", "deadlines", "teammate", "teammates", "mis", "sop",
    "sops", "dnc", "rpc", "roster", "rosters", "rostered", "aux", "nesting", "inbound", "outbound", "rupees", "lakh", "lakhs", "crore", "crores", "rs", "inr", "am", "pm", "walkin", "walk-in",
}


@lru_cache(maxsize=1)
def _speller():  # type: ignore[no-untyped-def]
    from spellchecker import SpellChecker

    checker = SpellChecker(distance=1)
    checker.word_frequency.load_words(DOMAIN_WORDS)
    return checker


# A correction takes about 1.5 ms (every one-letter edit of the word is looked up), and a retry
# or the next answer of the same candidate usually repeats the same slips.
@lru_cache(maxsize=4096)
def _correction(word: str) -> str | None:
    return _speller().correction(word)  # type: ignore[no-any-return]


def fillers(text: str) -> list[FillerCount]:
    found: dict[str, list[Span]] = {}
    for m in _ALWAYS.finditer(text):
        found.setdefault(m.group(1).lower(), []).append(Span(m.start(1), m.end(1), m.group(1)))
    for regex, name in ((_LIKE, "like"), (_SO_START, "so"), (_RIGHT_TAG, None)):
        for m in regex.finditer(text):
            word_match = re.search(r"like|so|right|okay|ok|na|no", m.group(0), re.I)
            if word_match is None:
                continue
            start = m.start() + word_match.start()
            label = name or word_match.group(0).lower() + " (tag)"
            found.setdefault(label, []).append(Span(start, start + len(word_match.group(0)), word_match.group(0)))
    return sorted((FillerCount(k, len(v), tuple(v)) for k, v in found.items()), key=lambda f: (-f.count, f.text))


def regex_issues(text: str, regexes: list, kind: str) -> list[LanguageIssue]:  # type: ignore[type-arg]
    """Every match of (regex, suggestion, message) or (regex, message) as an issue of `kind`."""
    out = []
    for item in regexes:
        regex, suggestion, message = item if len(item) == 3 else (item[0], "", item[1])
        for m in regex.finditer(text):
            out.append(LanguageIssue(kind, Span(m.start(), m.end(), m.group(0)), suggestion, message))
    return out


def indianisms(text: str) -> list[LanguageIssue]:
    issues = regex_issues(text, _INDIANISM_RES, "indianism")
    # One "kindly" is fine; flag it only when it is a habit.
    kindly = [i for i in issues if i.span.text.lower() == "kindly"]
    return [i for i in issues if i.span.text.lower() != "kindly"] + (kindly if len(kindly) > 1 else [])


def hedging(text: str) -> list[LanguageIssue]:
    return regex_issues(text, _HEDGE_RES, "hedging")


def negative_talk(text: str) -> list[LanguageIssue]:
    return [
        LanguageIssue("negative_talk", Span(m.start(), m.end(), m.group(0)), NEGATIVE_INSTEAD, NEGATIVE_WHY)
        for m in _NEGATIVE.finditer(text)
    ]


def grammar(text: str) -> list[LanguageIssue]:
    return regex_issues(text, _GRAMMAR_RES, "grammar")


# British spellings are standard in Indian English, but the spelling dictionary is American: a word
# it does not know is accepted when one of these rewrites of its ending makes a word it knows.
_BRITISH_ENDINGS = [
    (re.compile(r"our(s|ed|ing|ite|ites|able|ful|less)?$"), r"or\1"),  # colour, behaviour, favourite
    (re.compile(r"tre(s|d)?$"), r"ter\1"),  # centre, metres
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise, organisation
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"ence$"), "ense"),  # licence, defence
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, labelling
    (re.compile(r"(?<=[aeiou])l(ment|ments|s)$"), r"ll\1"),  # enrolment, fulfils
    (re.compile(r"ogue(s)?$"), r"og\1"),  # dialogue
    (re.compile(r"mme(s)?$"), r"m\1"),  # programme
]


def _british(word: str, checker) -> bool:  # type: ignore[no-untyped-def]
    for pattern, american in _BRITISH_ENDINGS:
        variant = pattern.sub(american, word)
        if variant != word and not checker.unknown([variant]):
            return True
    return False


def spelling(text: str, extra_words: set[str] | frozenset[str] = frozenset()) -> list[LanguageIssue]:
    checker = _speller()
    out = []
    for w in words(text):
        token = w.text.replace("’", "'")
        if not token.isalpha() or len(token) < 3 or token.isupper() or not token.isascii():
            continue  # numbers, acronyms and non-Latin words are not spell-checked
        if token[0].isupper() and w.start > 0 and text[max(0, w.start - 2) : w.start].strip() not in {"", ".", "!", "?"}:
            continue  # a capitalised word mid-sentence is probably a name
        lower = token.lower()
        if lower in extra_words or not checker.unknown([lower]) or _british(lower, checker):
            continue
        fix = _correction(lower)
        if fix and fix != lower:
            out.append(LanguageIssue("spelling", w, fix, fill(MISSPELT, word=token, fix=fix)))
    return out


def all_issues(text: str, extra_words: set[str] | frozenset[str] = frozenset()) -> list[LanguageIssue]:
    issues = spelling(text, extra_words) + grammar(text) + indianisms(text) + hedging(text) + negative_talk(text)
    return _without_overlaps(sorted(issues, key=lambda i: (i.span.start, -(i.span.end - i.span.start))))


def _without_overlaps(issues: list[LanguageIssue]) -> list[LanguageIssue]:
    """Where two findings of one type overlap ("I think maybe" and "maybe"), keep the longer."""
    kept: list[LanguageIssue] = []
    for issue in issues:
        if any(k.type == issue.type and k.span.start <= issue.span.start < k.span.end for k in kept):
            continue
        kept.append(issue)
    return kept


def filler_rate(text: str, total_words: int) -> float:
    n = sum(f.count for f in fillers(text))
    return n / total_words if total_words else 0.0


def repeated_phrases(text: str, n: int = 4, at_least: int = 2) -> list[tuple[str, int]]:
    """Word n-grams used at least `at_least` times: a sign of circling back over the same point."""
    tokens = [w.text.lower() for w in words(text)]
    grams = Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return [(g, c) for g, c in grams.most_common() if c >= at_least]
