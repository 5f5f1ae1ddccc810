"""The bound case dossier (案卷): plan, sheets, binding, stamps, bookmarks.

The use case is ``desk.services.dossier.build_dossier`` (one volume) and ``build_volumes`` (both); it runs
these modules in order: ``profile`` (binding profiles as data) → ``plan`` (items, sections, 备考表 remarks)
→ each item's pages (``desk.services.dossier_sources``) → ``front``/``sheets``/``photos``/``layout`` (the
binder's own pages in one reportlab pass) → ``assemble`` → ``stamps`` → ``navigation`` (bookmarks, labels,
links, metadata, PDF/A).
"""
