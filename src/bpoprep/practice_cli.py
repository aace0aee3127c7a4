"""Terminal commands for answer practice: `practice`, `score answers`, `feedback train|evaluate`."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from bpoprep.content.catalogue import default_catalogue
from bpoprep.content.schemas import Question

score_app = typer.Typer(help="Score answers in bulk.", no_args_is_help=True)
feedback_app = typer.Typer(help="Train and evaluate the feedback models.", no_args_is_help=True)
console = Console(stderr=True)
LABELLED = Path(__file__).resolve().parents[2] / "tests" / "data" / "answers"
HOLDOUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "answers-holdout"


def _score_file(file: Path, kind: str) -> None:
    from bpoprep.feedback import batch

    if str(file) != "-" and not file.is_file():
        console.print(f"[red]No such file: {file}[/red]")
        raise typer.Exit(2)
    raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    text = raw.decode("utf-8", errors="replace")  # a bad byte spoils its own line's answer, not the run
    lines = text.splitlines()
    cat = default_catalogue()
    with Progress(TextColumn("Scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task("score", total=len(lines))
        for result in batch.run(lines, cat, batch.answer_scorer if kind == "answers" else batch.writing_scorer):
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            bar.advance(task)
    sys.stdout.flush()


@score_app.command("answers")
def score_answers(file: Annotated[Path, typer.Argument(help="JSON lines: {question_id or question, answer}; '-' reads standard input.")]) -> None:
    """Print one JSON result per input line, in order."""
    _score_file(file, "answers")


@score_app.command("writing")
def score_writing(file: Annotated[Path, typer.Argument(help="JSON lines: {scenario_id, text}; '-' reads standard input.")]) -> None:
    """Score e-mail replies: one JSON result per input line, in order."""
    _score_file(file, "writing")


@feedback_app.command("evaluate")
def feedback_evaluate(
    folder: Annotated[Path, typer.Option(help="Labelled answers.")] = LABELLED,
    holdout: Annotated[Path, typer.Option(help="Held-out labelled answers.")] = HOLDOUT,
    nested: Annotated[bool, typer.Option(help="Fit the score weights' inputs without the scored writer too (slow).")] = False,
    new_questions: Annotated[bool, typer.Option(help="Also leave out every answer to the scored writer's questions.")] = False,
) -> None:
    """Print precision/recall/F1 per label: leave-one-writer-out on the labelled set, then the held-out set."""
    from bpoprep.feedback import evaluate, labelled

    cat = default_catalogue()
    with console.status("Embedding and cross-validating..."):
        report = evaluate.run(labelled.load(folder), cat, nested=nested, new_questions=new_questions)
    print("\n".join(report.lines()))
    if holdout.is_dir():
        with console.status("Scoring the held-out set with models trained on the labelled set..."):
            held = evaluate.holdout(labelled.load(folder), labelled.load(holdout), cat)
        print("\n" + "\n".join(held.lines()))


@feedback_app.command("train")
def feedback_train(
    folder: Annotated[Path, typer.Option(help="Labelled answers.")] = LABELLED,
    parts: Annotated[Path | None, typer.Option(help="Also write each answer's out-of-fold part scores here (JSON lines), for `feedback weights`.")] = None,
    folds: Annotated[int, typer.Option(min=0, help="Writer groups for the out-of-fold part scores and the STAR presence floors; 0: one writer a group (much slower).")] = 10,
) -> None:
    """Fit the STAR and talking-point classifiers on the labelled answers and save them in the package."""
    from bpoprep.feedback import evaluate, labelled

    with console.status("Training..."):
        evaluate.train_and_save(labelled.load(folder), default_catalogue(), parts_path=parts, folds=folds or None)
    console.print("[green]Saved the STAR, talking-point and soundness models, the rated answers and the score weights.[/green]")


@feedback_app.command("weights")
def feedback_weights(
    parts: Annotated[Path, typer.Argument(help="Part scores written by `feedback train --parts`.")],
    folder: Annotated[Path, typer.Option(help="Labelled answers.")] = LABELLED,
) -> None:
    """Refit the score weights from saved part scores and print them with the leave-one-writer-out ordering."""
    from bpoprep.feedback import evaluate, labelled

    answers, cat = labelled.load(folder), default_catalogue()
    try:
        scores = evaluate.load_parts(parts, answers)
    except (OSError, ValueError, KeyError) as exc:  # missing file, bad JSON, stale rows
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    for kind, shares in evaluate.fit_weights(answers, scores, cat).items():
        print(f"{kind}: " + ", ".join(f"{k} {v:.3f}" for k, v in shares.items()))
    good, total = evaluate.ordering_from_parts(answers, scores, cat)
    print(f"Leave-one-writer-out ordering strong > medium > weak: {good}/{total} ({good / max(total, 1):.1%})")


def pick_question(question_id: str | None, role: str | None, category: str | None) -> Question:
    cat = default_catalogue()
    if question_id:
        if question_id not in cat.questions:
            console.print(f"[red]No question '{question_id}'.[/red]")
            raise typer.Exit(2)
        return cat.questions[question_id]
    pool = [q for q in cat.questions.values() if (not role or role in q.roles or "all" in q.roles) and (not category or q.category == category)]
    if not pool:
        console.print("[red]No question matches that role and category.[/red]")
        raise typer.Exit(2)
    return random.choice(pool)


def feedback_panel(fb: object) -> Panel:
    from bpoprep.feedback.engine import Feedback

    assert isinstance(fb, Feedback)
    table = Table.grid(padding=(0, 2))
    table.add_row(Text(f"{fb.overall}/100", style="bold"), Text(f"{fb.word_count} words (aim {fb.expected_words[0]}-{fb.expected_words[1]})"))
    marks = {"covered": "[green]✔ covered[/green]", "partly": "[yellow]~ partly[/yellow]", "missing": "[red]✘ missing[/red]"}
    for p in fb.talking_points:
        table.add_row(marks[p.status], p.point)
    if fb.star is not None:
        table.add_row("[bold]STAR[/bold]", "  ".join(f"{'[green]' if s.present and not s.note else '[yellow]' if s.present else '[red]'}{s.name.title()}{(' (' + s.note + ')') if s.note else ''}[/]" for s in fb.star))
    if fb.fillers:
        table.add_row("[bold]Fillers[/bold]", ", ".join(f"{f.text} ×{f.count}" for f in fb.fillers[:5]))
    for issue in fb.language_issues[:5]:
        table.add_row(f"[magenta]{issue.type}[/magenta]", f"“{issue.span.text}” → {issue.suggestion or issue.message}")
    for i, tip in enumerate(fb.tips[:2], 1):
        table.add_row(f"[bold cyan]Next {i}[/bold cyan]", tip)
    return Panel(table, title="Feedback", border_style="cyan")


def practice(
    question_id: Annotated[str | None, typer.Option("--question", help="A question id from the bank.")] = None,
    role: Annotated[str | None, typer.Option(help="Pick from this role's questions.")] = None,
    category: Annotated[str | None, typer.Option(help="hr, behavioural, situational, industry, metrics, role or company.")] = None,
) -> None:
    """Answer a question in the terminal and get feedback; try again and compare."""
    from bpoprep.feedback.engine import AnswerError, analyse

    question = pick_question(question_id, role, category)
    out = Console()
    history: list[int] = []
    while True:
        out.print(Panel(f"[bold]{question.text}[/bold]\n\n{question.looking_for}", title=f"{question.category} · {question.id}", subtitle=f"aim for {question.expected_words.min}-{question.expected_words.max} words" + (" · use STAR" if question.star_expected else "")))
        out.print("Type your answer. Finish with an empty line (or Ctrl-D).")
        started = time.monotonic()
        lines: list[str] = []
        try:
            while (line := input()) != "" or not lines:
                if line:
                    lines.append(line)
        except EOFError:
            pass
        try:
            fb = analyse("\n".join(lines), question)
        except AnswerError as exc:
            out.print(f"[red]{exc}[/red]")
            if not sys.stdin.isatty():
                raise typer.Exit(1) from exc
            continue
        out.print(f"Answered in {time.monotonic() - started:.0f} s.")
        out.print(feedback_panel(fb))
        if history:
            change = fb.overall - history[-1]
            out.print(f"Previous attempt: {history[-1]} → now {fb.overall} ({'+' if change >= 0 else ''}{change}).")
        history.append(fb.overall)
        if not sys.stdin.isatty() or not typer.confirm("Try again?", default=False):
            break


speech_app = typer.Typer(help="Train and evaluate the pronunciation model.", no_args_is_help=True)
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "speechocean762"


def _speech_line(args: tuple[int, str]) -> dict[str, object]:
    from bpoprep.speech.analyse import analyse
    from bpoprep.speech.audio import AudioError

    number, raw = args
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        return {"line": number, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"}
    if not isinstance(item, dict) or not isinstance(item.get("audio"), str):
        return {"line": number, "error": "each line needs an 'audio' path"}
    text = item.get("text")
    if text is not None and not isinstance(text, str):
        return {"line": number, "error": "'text' must be a string or null"}
    try:
        return {"line": number, **analyse(item["audio"], text)}
    except AudioError as exc:
        return {"line": number, "error": str(exc)}


@score_app.command("speech")
def score_speech(
    manifest: Annotated[Path, typer.Argument(help='JSON lines: {"audio": path, "text": known prompt or null}.')],
    jobs: Annotated[int, typer.Option("--jobs", min=1, max=32, help="Worker processes.")] = 1,
) -> None:
    """Transcribe or align each recording; print delivery and pronunciation as one JSON line each, in order."""
    if not manifest.is_file():
        console.print(f"[red]No such file: {manifest}[/red]")
        raise typer.Exit(2)
    lines = [(n, line) for n, line in enumerate(manifest.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)]
    with Progress(TextColumn("Analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task("speech", total=len(lines))
        if jobs == 1:
            results = map(_speech_line, lines)
        else:
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(jobs)
            results = pool.map(_speech_line, lines)
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            bar.advance(task)
        if jobs > 1:
            pool.shutdown()


@speech_app.command("train")
def speech_train(corpus: Annotated[Path, typer.Option(help="speechocean762 folder.")] = CORPUS, jobs: int = 2) -> None:
    """Extract features from every clip, report speaker-disjoint CV Pearson, and save the model."""
    from bpoprep.speech import train

    with console.status("Aligning and measuring every clip..."):
        meta, rows = train.extract(corpus, jobs=jobs)
    scores = train.evaluate(meta, rows)
    print(f"{len(rows)} utterances, {len({m['speaker'] for m in meta})} speakers; speaker-disjoint 5-fold Pearson:")
    for target, r in scores.items():
        print(f"  {target:<9} {r:.3f}")
    train.train(meta, rows)
    console.print("[green]Saved the pronunciation model.[/green]")
