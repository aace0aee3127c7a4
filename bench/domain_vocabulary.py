"""How much of what good answers say can the recogniser hear and score? Counts the words of the
question bank's model answers and talking points that pocketsphinx's dictionary knows, before and
after adding the bank's acronyms (AHT, CSAT, KPO ... said letter by letter), British spellings
and a few BPO words (recognize.spoken_forms). A word outside the
dictionary is never transcribed and is left out of pronunciation scoring.

    python bench/domain_vocabulary.py
"""

from __future__ import annotations

import sys
from collections import Counter


def main() -> int:
    from bpoprep.content.catalogue import load
    from bpoprep.speech import recognize

    texts = []
    for q in load().questions.values():
        texts += [*q.model_answer, *(p.text for p in q.talking_points)]
    vocabulary = recognize.spoken_forms(texts)
    acronym_set = set(recognize.acronyms(texts))
    tokens = Counter(w for t in texts for w in recognize.normalise_text(t))
    acronym_tokens = {w: n for w, n in tokens.items() if w in acronym_set}

    def coverage() -> tuple[float, float, list[str]]:
        known, unknown = recognize.known_words(list(tokens))
        known_set = set(known)
        share = sum(n for w, n in tokens.items() if w in known_set) / sum(tokens.values())
        acr = sum(n for w, n in acronym_tokens.items() if w in known_set) / max(sum(acronym_tokens.values()), 1)
        return share, acr, sorted(unknown, key=lambda w: -tokens[w])

    before = coverage()
    added = recognize.add_vocabulary(vocabulary)
    after = coverage()
    print(f"{sum(tokens.values())} words ({len(tokens)} distinct) in model answers and talking points; {len(acronym_set)} acronyms; {len(added)} words added to the dictionary")
    print(f"  known to the recogniser: {before[0]:.1%} of words before, {after[0]:.1%} after")
    print(f"  acronym occurrences known: {before[1]:.1%} before, {after[1]:.1%} after ({sum(acronym_tokens.values())} occurrences)")
    print(f"  most frequent words still unknown: {', '.join(after[2][:15])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
