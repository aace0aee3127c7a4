"""The background job that analyses a recording: delivery and pronunciation, then (for spoken
answers) the same text feedback typed answers get, on the transcript."""

from __future__ import annotations

from typing import Any

from bpoprep.web.jobs.registry import handler


# Target pace per task, words a minute: calls and answers 120-150; reading a prepared text
# aloud runs a little faster; repeats and sentence builds are short and a little slower.
PACE_BANDS = {"answer": (120, 150), "call_turn": (120, 150), "read_aloud": (130, 160), "repeat": (110, 150), "sentence_build": (110, 150)}


def question_vocabulary(question: Any) -> dict[str, str] | None:
    """The question's own words the recogniser lacks (acronyms like AHT and CSAT, British
    spellings, BPO terms): biases transcription and alignment toward what a good answer says."""
    if question is None:
        return None
    from bpoprep.speech.recognize import spoken_forms

    points = [p.text for p in question.talking_points] + [t for p in question.talking_points for t in p.key_terms]
    return spoken_forms([question.text, question.looking_for, *question.model_answer, *points]) or None


@handler("analyse_recording")
def analyse_recording(payload: dict[str, Any]) -> dict[str, Any]:
    from bpoprep.feedback.engine import AnswerError, analyse as text_feedback
    from bpoprep.speech.analyse import analyse
    from bpoprep.speech.audio import AudioError
    from bpoprep.web.curriculum.services import current
    from bpoprep.web.progress.services import record

    from .models import Recording

    from bpoprep.isolation import ChildFailed, run

    rec = Recording.objects.get(pk=payload["recording"])
    # The text to align: a drill's prompt, or for a spoken answer the words the candidate
    # confirmed (corrected) or the browser's captions. Aligning known words scores pronunciation
    # and is about five times faster than transcribing; without them the server transcribes.
    known = rec.prompt_text or ((payload.get("transcript") or rec.transcript) if rec.kind == Recording.ANSWER else "")
    question = current().questions.get(rec.ref) if rec.kind == Recording.ANSWER else None
    try:
        # In a child process: the C decoders must not take the web server down with a bad file.
        result = run(analyse, rec.audio.path, known or None, PACE_BANDS.get(rec.kind, (120, 150)), question_vocabulary(question), timeout=300, memory=2 * 1024**3)
    except ChildFailed:
        rec.status, rec.error = Recording.FAILED, "The recording could not be analysed (the analyser stopped). Try recording again."
        rec.save(update_fields=["status", "error"])
        return {"error": rec.error}
    except AudioError as exc:  # the user's file, not our failure: say so, do not retry
        rec.status, rec.error = Recording.FAILED, str(exc)
        rec.save(update_fields=["status", "error"])
        return {"error": str(exc)}
    transcript = payload.get("transcript") or rec.transcript or result["transcript"]
    if rec.kind in (Recording.REPEAT, Recording.SENTENCE_BUILD):
        # What was heard, not what was aligned: did they reproduce the sentence, in order?
        from bpoprep.speech.analyse import reproduction

        heard = run(analyse, rec.audio.path, None, timeout=300, memory=2 * 1024**3)["transcript"]
        result["heard"] = heard
        result["words_reproduced"] = round(reproduction(heard, rec.prompt_text), 2)
    if rec.kind == Recording.ANSWER:
        try:
            result["answer_feedback"] = text_feedback(transcript, question).to_dict() if question else None
        except AnswerError as exc:
            result["answer_feedback"] = {"error": str(exc)}
    rec.transcript, rec.result, rec.status, rec.error = transcript, result, Recording.DONE, ""
    rec.save(update_fields=["transcript", "result", "status", "error"])
    record(rec.user, "speaking_drill" if rec.kind in Recording.DRILLS else "spoken_answer", rec.ref)
    return {"recording": rec.pk, "total": result.get("total")}
