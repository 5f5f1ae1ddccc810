"""Discretion standards (行政处罚裁量基准) as data: the file format, versions, and the reasoning Desk prints.

``model`` is pure (the checker and the templates read it); ``reader`` parses a TOML or XLSX file into a
``Standard``; ``store`` keeps versions in the database; ``demo`` ships the demo city's standard.
"""
