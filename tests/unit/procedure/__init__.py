"""Tests of the procedure check: calendar, rules, samples, deadlines."""
