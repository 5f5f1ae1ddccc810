"""The document editor: a form generated from the kind's manifest beside a live PDF preview."""
