"""Schemas for the curriculum: every YAML file under content/data is one of these shapes.

The schemas check each item on its own; cross-references (role -> question ids, lesson translations,
unique ids across files) are checked in `catalogue.py`, after everything is loaded.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError("must be lower-case letters, digits and single hyphens, e.g. 'why-bpo'")
    return value


def _no_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value.strip()


Slug = Annotated[str, AfterValidator(_slug)]
Text = Annotated[str, AfterValidator(_no_blank)]
Language = Literal["en", "hi", "fi"]

Process = Literal["voice_inbound", "voice_outbound", "chat", "email", "back_office"]
PROCESSES: tuple[Process, ...] = ("voice_inbound", "voice_outbound", "chat", "email", "back_office")

HiringTest = Literal[
    "hr_screening",
    "self_intro",
    "group_discussion",
    "written_test",
    "versant",
    "svar",
    "voice_accent",
    "listening",
    "typing",
    "email_writing",
    "chat_writing",
    "mock_call",
    "operations_round",
    "technical_round",
]

QuestionCategory = Literal[
    "hr", "behavioural", "situational", "industry", "metrics", "role", "company"
]

# Sounds and habits that Indian-English speakers are most often coached on (bpo-domain.md §6).
Sound = Literal[
    "v_w",
    "th",
    "word_stress",
    "vowels",
    "r",
    "s_clusters",
    "aspiration",
    "final_consonants",
    "z_s",
    "schwa",
    "intonation",
]

CallStage = Literal[
    "greeting", "verification", "probing", "empathy", "hold", "resolution", "recap", "closing"
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def words(text: str) -> int:
    return len(re.findall(r"\S+", text))


# --- lessons -------------------------------------------------------------------------------


class QuizQuestion(Strict):
    id: Slug
    prompt: Text
    options: list[Text] = Field(min_length=2, max_length=6)
    correct: list[int] = Field(min_length=1, description="indices into options")
    explanation: Text

    @model_validator(mode="after")
    def _answers_in_range(self) -> QuizQuestion:
        bad = [i for i in self.correct if not 0 <= i < len(self.options)]
        if bad:
            raise ValueError(f"correct indices {bad} are outside the {len(self.options)} options")
        if len(set(self.correct)) != len(self.correct):
            raise ValueError("correct lists an option twice")
        if len({o.lower() for o in self.options}) != len(self.options):
            raise ValueError("two options have the same text")
        return self


class Lesson(Strict):
    id: Slug
    language: Language = "en"
    title: Text
    summary: Text
    topic: Text
    order: int = Field(ge=0)
    primer: bool = False  # the four basics every candidate reads first; translated
    body: Text = Field(description="Markdown")
    quiz: list[QuizQuestion] = Field(min_length=5)
    pass_mark: float = Field(default=0.6, gt=0, le=1)
    sources: list[Text] = Field(default_factory=list)
    related_questions: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _length(self) -> Lesson:
        n = words(self.body)
        low, high = (300, 800) if self.language == "en" else (150, 1000)
        if not low <= n <= high:
            raise ValueError(f"body has {n} words; a lesson in '{self.language}' needs {low}-{high}")
        if len({q.id for q in self.quiz}) != len(self.quiz):
            raise ValueError("two quiz questions share an id")
        return self

    @property
    def word_count(self) -> int:
        return words(self.body)


# --- roles ---------------------------------------------------------------------------------


class SalaryRange(Strict):
    min_inr_per_year: int = Field(gt=0)
    max_inr_per_year: int = Field(gt=0)
    source: Text
    as_of: Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")]
    note: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> SalaryRange:
        if self.min_inr_per_year > self.max_inr_per_year:
            raise ValueError("min_inr_per_year is above max_inr_per_year")
        return self


class TypingTarget(Strict):
    net_wpm: int = Field(ge=10, le=120)
    accuracy: float = Field(ge=80, le=100)
    kph: int | None = Field(default=None, ge=1000, le=30000)


class Role(Strict):
    id: Slug
    title: Text
    summary: Text
    family: Literal["voice", "non_voice", "back_office", "specialist"]
    processes: list[Process] = Field(min_length=1)
    duties: list[Text] = Field(min_length=4)
    skills: list[Text] = Field(min_length=4)
    qualifications: list[Text] = Field(min_length=2)
    salary: SalaryRange
    hiring_tests: list[HiringTest] = Field(min_length=2)
    practice_questions: list[Slug] = Field(min_length=5)
    typing_target: TypingTarget | None = None
    growth_path: list[Text] = Field(min_length=2)
    advantages: list[Text] = Field(min_length=2)
    demands: list[Text] = Field(min_length=2)


# --- question bank -------------------------------------------------------------------------


class TalkingPoint(Strict):
    text: Text
    key_terms: list[Text] = Field(
        min_length=1, description="words or short phrases whose presence signals the point"
    )


class WordRange(Strict):
    min: int = Field(ge=10)
    max: int = Field(le=600)

    @model_validator(mode="after")
    def _ordered(self) -> WordRange:
        if self.min >= self.max:
            raise ValueError("min must be below max")
        return self


class Question(Strict):
    id: Slug
    text: Text
    category: QuestionCategory
    roles: list[Slug] = Field(min_length=1, description="role ids, or ['all']")
    difficulty: Literal[1, 2, 3]
    looking_for: Text
    talking_points: list[TalkingPoint] = Field(min_length=3, max_length=6)
    pitfalls: list[Text] = Field(min_length=1)
    misconceptions: list[Text] = Field(
        min_length=2, max_length=4, description="wrong things a weak candidate says, as they would say them"
    )
    model_answer: list[Text] = Field(min_length=3, description="an outline, in order")
    expected_words: WordRange
    star_expected: bool
    structure: list[Text] = Field(
        default_factory=list,
        description="named parts of a good non-STAR answer, one short label for each model answer line",
    )
    follow_ups: list[Text] = Field(min_length=1, max_length=3)
    source: str = ""

    @model_validator(mode="after")
    def _structure(self) -> Question:
        if self.star_expected:
            return self
        if len(self.structure) < 2:
            raise ValueError("a question without STAR needs a structure of at least two parts")
        if len(self.structure) != len(self.model_answer):
            # The feedback page ticks each outline step under its structure label.
            raise ValueError(f"the structure names each line of the model answer: {len(self.structure)} parts for {len(self.model_answer)} lines")
        if any(len(part) > 32 for part in self.structure):
            raise ValueError("each structure part is a short label of at most 32 characters")
        return self


# --- speaking drills -----------------------------------------------------------------------


class ReadAloudItem(Strict):
    id: Slug
    text: Text
    level: int = Field(ge=1, le=5)
    kind: Literal["sentence", "passage"]
    sounds: list[Sound] = Field(min_length=1)

    @model_validator(mode="after")
    def _length(self) -> ReadAloudItem:
        n = words(self.text)
        low, high = (5, 30) if self.kind == "sentence" else (31, 160)
        if not low <= n <= high:
            raise ValueError(f"a {self.kind} needs {low}-{high} words, this has {n}")
        return self


class RepeatItem(Strict):
    id: Slug
    text: Text
    level: int = Field(ge=1, le=5)
    sounds: list[Sound] = Field(default_factory=list)

    @model_validator(mode="after")
    def _length(self) -> RepeatItem:
        n = words(self.text)
        if not 3 <= n <= 20:
            raise ValueError(f"a repeat sentence needs 3-20 words, this has {n}")
        return self


class SentenceBuildItem(Strict):
    id: Slug
    phrases: list[Text] = Field(min_length=3, max_length=4, description="in the correct order")
    level: int = Field(ge=1, le=5)

    @property
    def sentence(self) -> str:
        return " ".join(self.phrases)


class SpeakingDrills(Strict):
    read_aloud: list[ReadAloudItem] = Field(default_factory=list)
    repeat: list[RepeatItem] = Field(default_factory=list)
    sentence_build: list[SentenceBuildItem] = Field(default_factory=list)


# --- non-voice drills ----------------------------------------------------------------------


class TypingPassage(Strict):
    id: Slug
    title: Text
    kind: Literal["prose", "data_entry", "numeric"]
    level: int = Field(ge=1, le=5)
    text: Text

    @model_validator(mode="after")
    def _length(self) -> TypingPassage:
        if len(self.text) < 200:
            raise ValueError(f"a typing passage needs at least 200 characters, this has {len(self.text)}")
        if not self.text.isascii():
            raise ValueError("typing passages use plain ASCII so every keyboard can type them")
        return self


class RubricPoint(Strict):
    id: Slug
    text: Text
    key_terms: list[Text] = Field(min_length=1)


class IncomingEmail(Strict):
    subject: Text
    body: Text


class EmailScenario(Strict):
    id: Slug
    title: Text
    level: int = Field(ge=1, le=5)
    customer_name: Text
    ticket_id: Text
    customer_email: IncomingEmail
    facts: list[Text] = Field(min_length=2, description="what the agent knows and may use")
    task: Text
    apology_warranted: bool
    time_limit_s: int = Field(default=540, ge=60, le=1800)
    rubric: list[RubricPoint] = Field(min_length=3)
    model_reply: Text


class ChatTurn(Strict):
    text: Text
    delay_s: int = Field(default=0, ge=0, le=120, description="wait after the agent's last reply")


class ChatScenario(Strict):
    id: Slug
    title: Text
    level: int = Field(ge=1, le=5)
    customer_name: Text
    customer_turns: list[ChatTurn] = Field(min_length=2)
    facts: list[Text] = Field(min_length=2)
    rubric: list[RubricPoint] = Field(min_length=3)
    model_replies: list[Text] = Field(min_length=2)


class CallCheckItem(Strict):
    id: Slug
    stage: CallStage
    text: Text
    weight: int = Field(ge=1, le=40)
    key_phrases: list[Text] = Field(min_length=1)


class FatalError(Strict):
    id: Slug
    text: Text


class CallTurn(Strict):
    stage: CallStage
    text: Text


class CallCustomer(Strict):
    name: Text
    verification: dict[str, str] = Field(min_length=1, description="what the agent must confirm")


class CallScenario(Strict):
    id: Slug
    title: Text
    kind: Literal[
        "inbound_complaint",
        "billing_dispute",
        "technical_fault",
        "delivery",
        "outbound_sales",
        "collections",
        "irate_customer",
        "abusive_caller",
        "account_update",
        "cancellation",
    ]
    level: int = Field(ge=1, le=5)
    brand: Text
    situation: Text
    customer: CallCustomer
    agent_facts: list[Text] = Field(min_length=2)
    customer_turns: list[CallTurn] = Field(min_length=4)
    checklist: list[CallCheckItem] = Field(min_length=6)
    fatal_errors: list[FatalError] = Field(min_length=1)
    resolution: Text


# --- checklists and plan -------------------------------------------------------------------


class ChecklistItem(Strict):
    id: Slug
    text: Text
    detail: str = ""


class Checklist(Strict):
    id: Slug
    title: Text
    kind: Literal["documents", "interview_day", "follow_up"]
    items: list[ChecklistItem] = Field(min_length=3)


class Completion(Strict):
    """How the app knows a plan step is done: an activity the user records."""

    kind: Literal["manual", "profile", "lesson", "lessons_topic", "practice", "activity"]
    ref: str = ""  # lesson id, lesson topic, question category, or the activity's kind
    target: str = ""  # for kind "activity": what the activity was about (e.g. a checklist id)
    count: int = Field(default=1, ge=1)


class PlanStep(Strict):
    id: Slug
    title: Text
    description: Text
    phase: Literal["understand", "research", "practise", "tests", "documents", "day", "follow_up"]
    processes: list[Process] = Field(default_factory=list, description="empty means every process")
    international_only: bool = False
    effort_minutes: int = Field(ge=5, le=600)
    url_name: str = ""
    url_arg: str = ""
    available: bool = True
    coming_in: str = ""
    completion: Completion
    days_before_interview: int = Field(
        ge=-7, le=60, description="latest day to finish it; negative means after the interview"
    )
