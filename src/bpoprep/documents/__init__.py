"""Interview documents and follow-up: company research, thank-you e-mail (pure logic, no Django)."""
