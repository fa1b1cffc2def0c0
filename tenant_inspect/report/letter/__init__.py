"""The letter to residents (issue 17): the short plain letter every resident gets.

:mod:`.plain_words` holds the abbreviations the letter spells out and the jargon it
suggests plain words for; :mod:`.drafts` writes the parts a coordinator may rewrite (the
overall finding, each area's paragraph, each recommendation, the signature) from the
inspection; :mod:`.outline` puts the letter together as a report outline, so the same
renderers, redaction and large print serve it; :mod:`.readability` measures the writing of
any report before it is exported; :mod:`.parts` is the Letter screen's read model. What a coordinator wrote is stored by
:mod:`tenant_inspect.letter_texts` and read with the report's snapshot.
"""
