"""The `bpoprep` command: run the app, manage it, and (in later commands) practise and score."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .practice_cli import feedback_app, practice, score_app, speech_app

app = typer.Typer(help="bpoprep: practise for BPO job interviews, offline.", no_args_is_help=True, add_completion=False)
content_app = typer.Typer(help="Check, export and import the curriculum.", no_args_is_help=True)
app.add_typer(content_app, name="content")
app.add_typer(score_app, name="score")
app.add_typer(feedback_app, name="feedback")
app.add_typer(speech_app, name="speech")
app.command("practice")(practice)
console = Console(stderr=True)


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bpoprep.web.settings")
    import django

    django.setup()


def _manage(*args: str) -> None:
    _django()
    from django.core.management import call_command

    call_command(*args)


@app.command()
def migrate() -> None:
    """Create or upgrade the database."""
    _manage("migrate", "--no-input", "-v", "0")
    console.print("[green]Database is up to date.[/green]")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    threads: Annotated[int, typer.Option(help="Request threads.")] = 8,
    worker: Annotated[bool, typer.Option(help="Run background jobs in this process.")] = True,
) -> None:
    """Migrate, check the curriculum, and serve the app with its background worker."""
    _django()
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from bpoprep.web.curriculum.services import current, sync_packaged
    from bpoprep.web.wsgi import application

    call_command("migrate", "--no-input", "-v", "0")
    synced = sync_packaged()
    counts = current().counts()
    console.print(
        f"Curriculum loaded: {counts['lessons (en)']} lessons, {counts['questions']} questions, {counts['roles']} roles"
        f" ({synced['added']} added, {synced['updated']} updated, {synced['kept_edits']} staff edits kept)."
    )
    if worker and settings.JOBS_BACKEND == "inprocess":
        from bpoprep.web.jobs import worker as job_worker

        job_worker.start()
        console.print("Background worker: running in this process.")
    db = settings.DATABASES["default"]
    console.print(f"Database: {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}")
    console.print(f"[bold green]bpoprep is running on http://{host}:{port}/[/bold green]  (Ctrl+C to stop)")
    threading.Thread(target=_warm_feedback, name="bpoprep-warm", daemon=True).start()
    from bpoprep.web.speaking.retention import purge_old_audio

    purged = purge_old_audio()
    if purged:
        console.print(f"Deleted the audio of {purged} recording(s) past the retention period.")
    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    try:
        waitress_serve(application, host=host, port=port, threads=threads, ident="bpoprep", _quiet=True)
    finally:
        if worker and settings.JOBS_BACKEND == "inprocess":
            job_worker.stop()


def _warm_feedback() -> None:
    # Load the sentence model and spell checker, then embed the bank's own texts (a few seconds in
    # this background thread), so the first answer to any question gets feedback as fast as the rest.
    from bpoprep.feedback.embedding import encoder
    from bpoprep.feedback.engine import prepare
    from bpoprep.feedback.language import spelling
    from bpoprep.web.curriculum.services import current

    encoder()
    spelling("warm up")
    prepare(current().questions.values())


def _stop_like_ctrl_c(*_: object) -> None:
    # waitress shuts down cleanly on KeyboardInterrupt; SIGTERM (service managers, CI) gets the same.
    raise KeyboardInterrupt


@app.command("purge-recordings")
def purge_recordings(days: Annotated[int | None, typer.Option(help="Override BPOPREP_RECORDING_RETENTION_DAYS.")] = None) -> None:
    """Delete recordings' audio older than the retention period (scores and transcripts stay)."""
    _django()
    from bpoprep.web.speaking.retention import purge_old_audio

    console.print(f"Deleted the audio of {purge_old_audio(days)} recording(s).")


@app.command("worker")
def run_worker() -> None:
    """Run background jobs without serving pages (for a separate worker process)."""
    _django()
    import time

    from bpoprep.web.jobs import worker as job_worker

    job_worker.start()
    console.print("Worker running. Ctrl+C to stop.")
    try:
        while job_worker.is_running():
            time.sleep(1)
    except KeyboardInterrupt:
        job_worker.stop()


@app.command()
def admin(
    email: Annotated[str, typer.Option(prompt=True, help="E-mail address of the administrator.")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
) -> None:
    """Create an administrator (staff and superuser) who can use /admin/."""
    _django()
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from bpoprep.web.accounts.models import Profile, User

    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        console.print(f"[red]An account with {email} already exists.[/red]")
        raise typer.Exit(1)
    try:
        validate_password(password)
    except ValidationError as exc:
        console.print("[red]" + " ".join(exc.messages) + "[/red]")
        raise typer.Exit(1) from None
    user = User.objects.create_superuser(email, password)
    Profile.objects.create(user=user)
    console.print(f"[green]Administrator {email} created. Log in at /admin/.[/green]")


@app.command()
def trainer(
    email: Annotated[str, typer.Argument(help="E-mail of an existing account.")],
    revoke: Annotated[bool, typer.Option("--revoke", help="Take the trainer role away.")] = False,
) -> None:
    """Give an account the trainer role (create cohorts, see their candidates' plans)."""
    _django()
    from bpoprep.web.accounts.models import Profile, User

    user = User.objects.filter(email=email.strip().lower()).first()
    if user is None:
        console.print(f"[red]No account uses {email}.[/red]")
        raise typer.Exit(1)
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.is_trainer = not revoke
    profile.save(update_fields=["is_trainer"])
    console.print(f"[green]{email} is {'no longer ' if revoke else ''}a trainer.[/green]")


@content_app.command("check")
def content_check(
    root: Annotated[Path | None, typer.Argument(help="Content folder (default: the packaged curriculum).")] = None,
) -> None:
    """Validate every curriculum file: schemas, unique ids, references, translations."""
    from bpoprep.content.catalogue import DATA_DIR, ContentError, load

    try:
        cat = load(root or DATA_DIR)
    except ContentError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    for name, n in cat.counts().items():
        console.print(f"{name:>22}: {n}")
    console.print("[green]Content is valid.[/green]")


@content_app.command("sync")
def content_sync(
    force: Annotated[bool, typer.Option("--force", help="Also overwrite items staff have edited.")] = False,
) -> None:
    """Bring the packaged curriculum into the database (serve does this on start)."""
    _manage("migrate", "--no-input", "-v", "0")
    from bpoprep.web.curriculum.services import sync_packaged

    counts = sync_packaged(force=force)
    console.print(", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()))


@content_app.command("export")
def content_export(folder: Annotated[Path, typer.Argument(help="Folder to write YAML into.")]) -> None:
    """Write the live curriculum (with staff edits) as YAML, in the packaged layout."""
    _manage("migrate", "--no-input", "-v", "0")
    from bpoprep.web.curriculum.services import export_folder

    n = export_folder(folder)
    console.print(f"[green]Wrote {n} files to {folder}.[/green]")


@content_app.command("import")
def content_import(folder: Annotated[Path, typer.Argument(help="Folder of YAML, as written by export.")]) -> None:
    """Import a folder of YAML; checked as a whole before anything is saved."""
    from bpoprep.content.catalogue import ContentError

    _manage("migrate", "--no-input", "-v", "0")
    from bpoprep.web.curriculum.services import import_folder

    if not folder.is_dir():
        console.print(f"[red]{folder} is not a folder.[/red]")
        raise typer.Exit(1)
    try:
        n = import_folder(folder)
    except ContentError as exc:
        console.print(f"[red]Nothing was imported.\n{exc}[/red]")
        raise typer.Exit(1) from None
    console.print(f"[green]Imported {n} items.[/green]")


if __name__ == "__main__":
    app()
