"""The feedback engine: pure Python, no Django. Start at `engine.analyse`."""
