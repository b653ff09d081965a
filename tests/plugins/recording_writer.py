"""Test double: a writer that records what it was given, as one line per block type."""

from __future__ import annotations

from copydesk import Writer, hookimpl, iter_blocks


def write_record(doc, stream):
    types = [b.type_name() for b in iter_blocks(doc)]
    stream.write(f"kind={doc.kind} cleaners={','.join(doc.cleaners)}\n".encode())
    stream.write(("\n".join(types) + "\n").encode())


@hookimpl
def register_writers(register):
    register(Writer(name="record", write=write_record, extension="rec"))
