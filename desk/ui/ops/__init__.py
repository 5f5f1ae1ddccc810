"""The small operations the window runs on the background thread: each opens its own unit of work for the
signed-in user, calls the services and returns immutable snapshots (never ORM objects)."""
