"""Soundness: how far an answer reads like the answers interviewers rate weak."""

from __future__ import annotations

import numpy as np
import pytest

from bpoprep.feedback import soundness
from bpoprep.feedback.engine import analyse, shipped_weights, weighted
from tests.feedback.test_engine import CAT


def _answers(direction: np.ndarray, n: int, seed: int = 7) -> tuple[list[np.ndarray], list[bool]]:
    """Answers of one to five random sentences; weak ones lean along `direction`."""
    rng = np.random.default_rng(seed)
    answers, weak = [], []
    for i in range(n):
        is_weak = i % 3 == 0
        sentences = rng.normal(size=(int(rng.integers(1, 6)), len(direction))) + (1.5 if is_weak else -0.5) * direction
        answers.append(sentences.astype(np.float32))
        weak.append(is_weak)
    return answers, weak


def test_a_trained_model_finds_the_direction_weak_answers_lean_in() -> None:
    direction = np.zeros(8, np.float32)
    direction[2] = 1.0
    model = soundness.train(*_answers(direction, 150))
    assert model.classes == soundness.CLASSES
    assert soundness.weak_probability(np.vstack([-2 * direction, -direction]), model) < 0.3
    assert soundness.weak_probability(np.vstack([3 * direction, 2 * direction]), model) > 0.7
    # Held-out answers from the same process are ranked: weak ones above the rest.
    test, weak = _answers(direction, 60, seed=8)
    p = np.array([soundness.weak_probability(a, model) for a in test])
    assert p[np.array(weak)].mean() > p[~np.array(weak)].mean() + 0.2


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
        assert shipped_weights()[kind]["soundness"] == pytest.approx(0.10)
    # The part moves the overall score by its share and no more.
    low = dict(fb.parts, soundness=0.0)
    high = dict(fb.parts, soundness=1.0)
    w = shipped_weights()["bank"]
    assert weighted(high, w) - weighted(low, w) == pytest.approx(10, abs=1)


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
