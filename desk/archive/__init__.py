"""The archive: what a case becomes once archived, and how that is proven later.

``number`` draws the archive number (档号); ``package`` writes the BagIt package (``names`` keeps its file
names portable, ``checksums`` gives SHA-256 and SM3, ``metadata`` describes the case and its files,
``bagfiles`` the bag's text files); ``verify`` re-proves a package with nothing but the file. The use case
that ties them to the database — check, number, bind, package, freeze — is ``desk.services.archiving``.
"""
