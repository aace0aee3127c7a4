"""Mock interviews: the question blueprint, follow-ups and the report (pure logic)."""
