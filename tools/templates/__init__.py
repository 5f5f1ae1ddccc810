"""The shipped document templates as code: one module per family of forms, built by make_templates.py."""
