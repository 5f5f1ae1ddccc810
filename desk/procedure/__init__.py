"""The procedure completeness check: holiday calendar, rules as data, predicates, checker, deadlines."""
