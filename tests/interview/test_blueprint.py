"""Which questions a mock interview asks: the realistic mix, per role, without recent repeats."""

from __future__ import annotations

import pytest

from bpoprep.content.catalogue import load
from bpoprep.interview import blueprint

CAT = load()


@pytest.mark.parametrize("role", sorted(CAT.roles))
@pytest.mark.parametrize("minutes", blueprint.LENGTHS)
def test_every_role_and_length_gets_the_interview_shape(role: str, minutes: int) -> None:
    b = blueprint.build(CAT.questions, role=role, process="voice_inbound", market="international", minutes=minutes, mode="spoken", seed=7)
    stages = [s.stage for s in b.slots]
    ids = [s.question_id for s in b.slots]
    assert stages[0] == "opening" and ids[0] == "tell-me-about-yourself"
    assert "your_questions" in stages and stages.index("your_questions") >= len(stages) - 2
    assert stages == sorted(stages, key=blueprint.STAGES.index)  # opening first, closing last
    assert len(set(ids)) == len(ids)  # no question twice
    assert sum(blueprint.MIX[minutes].values()) == len(b.slots)
    for s in b.slots:
        q = CAT.questions[s.question_id]
        assert "all" in q.roles or role in q.roles
    assert b.follow_ups == blueprint.FOLLOW_UPS[minutes]
    # Spoken length roughly as chosen: within half the chosen time either way.
    assert minutes * 0.5 <= b.minutes <= minutes * 1.5


def test_the_role_stage_uses_the_roles_own_questions() -> None:
    b = blueprint.build(CAT.questions, role="bookkeeper", process="back_office", market="domestic", minutes=10, seed=1)
    role_q = [s.question_id for s in b.slots if s.stage == "role"]
    assert role_q and all(CAT.questions[i].category == "role" and "bookkeeper" in CAT.questions[i].roles for i in role_q)


def test_international_voice_candidates_are_asked_about_night_shifts() -> None:
    for seed in range(5):
        b = blueprint.build(CAT.questions, role="inbound-voice-agent", process="voice_inbound", market="international", minutes=10, seed=seed)
        assert blueprint.SHIFTS in [s.question_id for s in b.slots]


def test_domestic_candidates_never_get_international_only_questions() -> None:
    for seed in range(20):
        b = blueprint.build(CAT.questions, role="inbound-voice-agent", process="voice_inbound", market="domestic", minutes=15, seed=seed)
        assert not any("international" in s.question_id for s in b.slots)


def test_recently_practised_questions_are_left_out_unless_nothing_else_is_left() -> None:
    first = blueprint.build(CAT.questions, role="customer-service-representative", process="voice_inbound", market="international", minutes=15, seed=3)
    practised = {s.question_id for s in first.slots if s.stage in ("behavioural", "situational", "knowledge")}
    again = blueprint.build(CAT.questions, role="customer-service-representative", process="voice_inbound", market="international", minutes=15, seed=3, recent=practised)
    assert not practised & {s.question_id for s in again.slots}
    assert again.reused == []
    # The only two motivation questions for this role practised: the interview still fills the stage.
    motivation = {i for i in blueprint.MOTIVATION if i in CAT.questions}
    tight = blueprint.build(CAT.questions, role="customer-service-representative", process="voice_inbound", market="international", minutes=15, seed=3, recent=motivation)
    assert sum(1 for s in tight.slots if s.stage == "motivation") == 2 and len(tight.reused) == 2


def test_non_voice_candidates_get_written_channel_questions_first() -> None:
    b = blueprint.build(CAT.questions, role="chat-support-agent", process="chat", market="domestic", minutes=15, seed=2)
    calls = [s.question_id for s in b.slots if s.stage == "situational" and any(w in CAT.questions[s.question_id].text.lower() for w in ("call", "caller"))]
    assert calls == []


def test_typed_answers_get_more_time_than_spoken_ones() -> None:
    q = CAT.questions["handled-angry-customer"]
    assert blueprint.answer_seconds(q, "typed") > blueprint.answer_seconds(q, "spoken")
    assert 45 <= blueprint.answer_seconds(q, "spoken") <= 180


@pytest.mark.parametrize(("kwargs", "message"), [({"minutes": 7}, "length"), ({"mode": "video"}, "typed or spoken"), ({"role": "astronaut"}, "no questions")])
def test_impossible_choices_get_a_clear_error(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"role": "bookkeeper", "process": "back_office", "market": "domestic", "minutes": 10, "mode": "typed"} | kwargs
    with pytest.raises(blueprint.BlueprintError, match=message):
        blueprint.build(CAT.questions, **args)  # type: ignore[arg-type]
