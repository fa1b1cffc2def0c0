"""Checking the landlord's own documents (issue 17): figures and proposals, nothing recorded.

A desktop review asks the same questions of every policy and leaflet: is it dated, is the
print clear, is it plain English, does it offer other formats, does it repeat others.
``check.check_documents`` reads .docx (``read_docx``) and PDF (``read_pdf``) files into one
plain shape (``model``), measures them (``figures``) and proposes findings and answers
(``proposals``) for the inspector to consider.
"""
