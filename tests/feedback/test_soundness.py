"""Soundness: how far an answer reads like the answers interviewers rate weak."""

from __future__ import annotations

import numpy as np
import pytest

from bpoprep.feedback import soundness
from bpoprep.feedback.engine import analyse, shipped_weights, weighted
from tests.feedback.test_engine import CAT


def _answers(direction: np.ndarray, n: int, seed: int = 7) -> tuple[list[np.ndarray], list[str], list[str]]:
    """Answers of one to five random sentences to five questions, each question with its own topic
    direction; weak ones lean along `direction`, strong ones a little the other way."""
    rng = np.random.default_rng(seed)
    topics = rng.normal(size=(5, len(direction))) * 0.5
    answers, qualities, questions = [], [], []
    for i in range(n):
        quality = ("weak", "medium", "strong")[i % 3]
        lean = {"weak": 1.5, "medium": -0.3, "strong": -0.6}[quality]
        q = (i // 3) % 5
        sentences = rng.normal(size=(int(rng.integers(1, 6)), len(direction))) + lean * direction + topics[q]
        answers.append(sentences.astype(np.float32))
        qualities.append(quality)
        questions.append(f"q{q}")
    return answers, qualities, questions


def test_a_trained_model_finds_the_direction_weak_answers_lean_in() -> None:
    direction = np.zeros(8, np.float32)
    direction[2] = 1.0
    model = soundness.train(*_answers(direction, 150))
    assert model.classes == soundness.CLASSES
    assert soundness.weak_probability(np.vstack([-2 * direction, -direction]), model) < 0.3
    assert soundness.weak_probability(np.vstack([3 * direction, 2 * direction]), model) > 0.7
    # Held-out answers from the same process are ranked: weak ones above the rest.
    test, qualities, _ = _answers(direction, 60, seed=8)
    p = np.array([soundness.weak_probability(a, model) for a in test])
    weak = np.array([q == "weak" for q in qualities])
    assert p[weak].mean() > p[~weak].mean() + 0.2


def test_the_direction_is_learnt_within_questions_not_from_their_topics() -> None:
    # One question's answers are all weak and another's all strong, each on its own topic: a model
    # that told weak from the rest overall would learn those topics. Within-question pairs carry no topic, so the direction
    # weak answers lean in (dimension 0) is what is learnt, and a topic (dimension 1) is ignored.
    rng = np.random.default_rng(3)
    answers, qualities, questions = [], [], []
    for q in range(6):
        # q0 has only weak answers, on a topic at +3; q1 only strong ones, on a topic at -3.
        for quality in ("weak",) if q == 0 else ("strong",) if q == 1 else ("strong", "medium", "weak"):
            for _ in range(4):
                topic = 3.0 if q == 0 else -3.0 if q == 1 else 0.0
                v = rng.normal(size=(2, 4)) * 0.3
                v[:, 0] += {"strong": -1.0, "medium": -0.5, "weak": 1.0}[quality]
                v[:, 1] += topic
                answers.append(v.astype(np.float32))
                qualities.append(quality)
                questions.append(f"q{q}")
    model = soundness.train(answers, qualities, questions)
    along = np.array([[1.5, 0, 0, 0]], np.float32)
    assert soundness.weak_probability(along, model) > soundness.weak_probability(-along, model) + 0.5
    per_unit = model.weights[:-1, soundness.CLASSES.index("sound")] / model.scale  # how far "sound" moves per unit of each dimension
    assert per_unit[0] < 0 and abs(per_unit[1]) < 0.1 * abs(per_unit[0])


def test_no_pairs_with_a_weak_answer_gives_a_flat_finite_model() -> None:
    answers = [np.ones((2, 4), np.float32) * i for i in range(6)]
    model = soundness.train(answers, ["strong", "medium"] * 3, ["q1"] * 6)
    assert np.isfinite(model.weights).all()
    assert soundness.weak_probability(np.zeros((1, 4), np.float32), model) == pytest.approx(soundness.weak_probability(np.ones((1, 4), np.float32) * 9, model))


@pytest.mark.parametrize("n", [3, 6, 12])
def test_a_tiny_training_set_gives_finite_probabilities(n: int) -> None:
    direction = np.ones(384, np.float32) / np.sqrt(384)
    model = soundness.train(*_answers(direction, n))
    assert np.isfinite(model.weights).all()
    assert 0.0 <= soundness.weak_probability(np.zeros((2, 384), np.float32), model) <= 1.0


def test_the_score_has_a_soundness_part_that_costs_a_fixed_share() -> None:
    q = CAT.questions["system-down"]
    fb = analyse("I would tell the customer the system is down, note their details on paper, inform my team leader and call them back when it is working.", q)
    assert 0.0 <= fb.parts["soundness"] <= 1.0
    free = analyse("I would tell the customer the system is down and call them back.", question_text="What if your system goes down?")
    assert 0.0 <= free.parts["soundness"] <= 1.0
    for kind in ("star", "bank"):
        assert shipped_weights()[kind]["soundness"] == pytest.approx(0.15)
    # The part moves the overall score by its share and no more.
    low = dict(fb.parts, soundness=0.0)
    high = dict(fb.parts, soundness=1.0)
    w = shipped_weights()["bank"]
    assert weighted(high, w) - weighted(low, w) == pytest.approx(15, abs=1)


def test_weak_answers_in_the_labelled_style_read_less_sound_on_average() -> None:
    # Written for this test (not from the labelled files): three careful and three careless answers
    # to the same question; the shipped model is a ranking signal, so compare the groups.
    q = CAT.questions["system-down"]
    careful = [
        "I would apologise and tell the customer honestly that my system has stopped responding. I would write the account number and the issue on paper, inform my team leader and IT, and give a callback time. When the CRM is back I would update the record and call them.",
        "First I would let the customer know about the technical problem and say sorry for the delay. Then I would note down their details manually, raise it with my supervisor, and promise a callback within the hour, which I would log once the system works again.",
        "I stay calm, explain to the caller that the tool is down, and take their number and complaint in my notebook. I report the outage to the team leader and call the customer back as soon as it is fixed, then enter everything in the system.",
    ]
    careless = [
        "These problems happen every day, so I would not bother anyone. I would just keep the customer talking about something else until the screen comes back, and if it takes too long I would disconnect.",
        "I would tell the customer our IT team is useless and the system always crashes, so it is not my fault. They can call again later and someone else will handle it.",
        "I would say everything is done even if it is not, because the customer will not know. My handle time matters more than one call, so I would close it fast.",
    ]
    sound = [analyse(t, q).parts["soundness"] for t in careful]
    weak = [analyse(t, q).parts["soundness"] for t in careless]
    assert np.mean(weak) < np.mean(sound)
