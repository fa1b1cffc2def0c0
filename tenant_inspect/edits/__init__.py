"""The writes screens ask for, one module per screen family (the mirror of ``views``).

Each function takes an open session and plain ids/values (never an ORM object read earlier,
which may be stale by the time the ordered writer runs it), and calls the service layer
(``analysis``, ``fieldwork``, ``inspections`` ...), which validates through ``records``. The
app runs them on its single ordered writer, so typing never waits for the disk.
"""
