"""Alembic environment: the engine comes from Desk (``config.attributes['engine']``)."""

from __future__ import annotations

from alembic import context

from desk.models import Base

config = context.config
engine = config.attributes["engine"]


def include_object(obj: object, _name: str | None, type_: str, _reflected: bool, _compare_to: object) -> bool:
    """An index made only on some databases (``Index(…).ddl_if(dialect=…)``) is compared only on those."""
    only = getattr(obj, "_ddl_if", None) if type_ == "index" else None
    return only is None or only.dialect is None or only.dialect == engine.dialect.name


with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=engine.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
