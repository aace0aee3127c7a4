"""Spoken answers: decoding audio, recognition and alignment (pocketsphinx), delivery metrics and
pronunciation scores. Pure Python over audio files; no Django."""
