"""Follow-up questions chosen from what the answer lacked, on real engine output."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bpoprep.content.catalogue import load
from bpoprep.feedback.engine import analyse
from bpoprep.interview import followup

CAT = load()
STORY_NO_RESULT = (
    "Last year I worked part-time at a mobile shop in Pune. A customer came in shouting because his new phone kept restarting. "
    "My job was to calm him down and sort it out. I let him finish, apologised for the trouble and checked the phone in front of him. "
    "Then I went through the settings with him, step by step, looking for the fault."
)
STORY_WITH_RESULT = STORY_NO_RESULT + " As a result he calmed down, thanked me and came back the next month to buy a cover; my manager rated my service 5 out of 5."


def choose(qid: str, answer: str) -> followup.FollowUp | None:
    q = CAT.questions[qid]
    return followup.choose(q, analyse(answer, q).to_dict())


def test_a_claim_that_sounds_like_a_common_mix_up_is_challenged_first() -> None:
    f = choose("schedule-adherence", "Schedule adherence means attendance, you come to office on all the days you are rostered. If I come all 26 days my adherence is full.")
    assert f is not None and f.reason == "mix_up"
    assert f.text.startswith("You said: “Schedule adherence means attendance") and "Are you sure" in f.text


def test_a_wrongly_expanded_abbreviation_is_challenged_even_in_a_story() -> None:
    f = choose("what-is-aht", "AHT is average hold time, the time a customer waits on hold. It should be low, so I would keep customers on hold less.")
    assert f is not None and f.reason == "mix_up"
    assert f.text.startswith("You said AHT is “average hold time”. Are you sure?") and "what AHT stands for" in f.text
    g = choose("handled-angry-customer", STORY_WITH_RESULT.replace("Last year", "Last year, before I knew that SOP means standard office policy,"))
    assert g is not None and g.reason == "mix_up" and "SOP is “standard office policy”" in g.text


def test_a_red_flag_is_asked_about_before_anything_else() -> None:
    f = choose("why-bpo", "I want to join BPO because salary is the main reason and the shifts suit me. I like talking to people and I learn quickly.")
    assert f is not None and f.reason == "red_flag"
    assert f.text.startswith("You said “salary is the main reason”.") and "this job" in f.text
    g = choose("why-bpo", "I want to join BPO because I like talking to people, and the training and the growth path to team leader suit me.")
    assert g is None or g.reason != "red_flag"


def test_what_one_would_do_is_met_with_a_request_for_a_real_time() -> None:
    f = choose("handled-angry-customer", "I have not faced an angry customer yet. If a customer shouts, I would stay calm and I would apologise. Then I will solve the problem.")
    assert f is not None and f.reason == "no_story" and f.text == followup.REAL_STORY
    g = choose("handled-angry-customer", "I am a calm person by nature and customers always like me. Anger does not affect me.")
    assert g is not None and g.reason == "vague" and g.text == followup.EXAMPLE  # a self-description: "an example?"
    assert choose("handled-angry-customer", STORY_NO_RESULT).reason != "no_story"  # type: ignore[union-attr]


def test_a_story_without_a_result_is_asked_for_the_outcome() -> None:
    f = choose("handled-angry-customer", STORY_NO_RESULT)
    assert f is not None and f.reason == "no_result" and f.text == followup.OUTCOME


def test_the_same_story_with_a_result_is_not_asked_for_the_outcome() -> None:
    f = choose("handled-angry-customer", STORY_WITH_RESULT)
    assert f is None or f.reason != "no_result"


def test_a_vague_general_answer_is_asked_for_a_specific_example() -> None:
    f = choose("handling-pressure", "I handle pressure very well. I always stay calm and I am a very hard working person who never gives up in any situation.")
    assert f is not None and f.reason in ("vague", "no_result")
    vague = choose("what-motivates-you", "Many things motivate me. I like to work hard and do good things in life and always be positive and improve myself generally.")
    assert vague is not None and vague.reason == "vague" and vague.text == followup.EXAMPLE


def test_an_on_topic_answer_missing_a_key_point_gets_a_probe_on_that_point() -> None:
    answer = ("I would listen to the customer without interrupting and let them vent. Then I would say I understand how frustrating this is "
              "and apologise sincerely. I would ask questions to find the real issue and offer two options to fix it, staying calm and polite.")
    f = choose("irate-customer", answer)
    assert f is not None and f.reason == "missed_point" and f.point
    q = CAT.questions["irate-customer"]
    assert f.point in [p.text for p in q.talking_points]
    assert f.text in q.follow_ups or f.point[1:].rstrip(".") in f.text


def test_an_authored_follow_up_is_used_when_it_is_about_the_missed_point() -> None:
    q = CAT.questions["what-is-kpo"]
    point = q.talking_points[0].text
    fb = {"star": None, "specificity": {"score": 0.8, "numbers": [], "named": ["KPO"]}, "word_count": 80,
          "talking_points": [{"point": p.text, "status": "missing" if p.text == point else "covered"} for p in q.talking_points]}
    f = followup.choose(q, fb, similar=lambda _p, cands: [1.0 if c == q.follow_ups[0] else 0.0 for c in cands])
    assert f is not None and f.text == q.follow_ups[0]
    g = followup.choose(q, fb, similar=lambda _p, cands: [0.0 for _ in cands])
    assert g is not None and g.text.startswith("One thing I was listening for")


def test_a_complete_answer_gets_no_follow_up() -> None:
    q = CAT.questions["what-is-kpo"]
    fb = {"star": None, "specificity": {"score": 0.8}, "word_count": 90, "talking_points": [{"point": p.text, "status": "covered"} for p in q.talking_points]}
    assert followup.choose(q, fb) is None


def test_lexical_similarity_is_a_share_of_the_points_words() -> None:
    assert followup.lexical_similarity("confirm the resolution", ["Did you confirm the resolution?", "Nothing alike"]) == [1.0, 0.0]
    assert followup.lexical_similarity("", ["x"]) == [0.0]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(sorted(CAT.questions)),
    st.lists(st.sampled_from(["covered", "partly", "missing"]), max_size=6),
    st.one_of(st.none(), st.fixed_dictionaries({k: st.booleans() for k in ("situation", "task", "action", "result")})),
    st.floats(0, 1),
    st.integers(0, 700),
)
def test_any_feedback_gives_one_follow_up_or_none(qid: str, statuses: list[str], star: dict[str, bool] | None, spec: float, words: int) -> None:
    q = CAT.questions[qid]
    fb = {"star": star, "specificity": {"score": spec, "numbers": [], "named": []}, "word_count": words,
          "talking_points": [{"point": p.text, "status": s} for p, s in zip(q.talking_points, statuses, strict=False)]}
    f = followup.choose(q, fb)
    assert f is None or (f.text.strip() and f.reason in ("mix_up", "red_flag", "no_result", "thin_action", "vague", "missed_point", "too_short"))
    if f is not None and f.reason == "missed_point":
        assert f.point in [p.text for p in q.talking_points]
