"""XML inputs parsed safely: no entity expansion, no network, no DTD loading; one parser
for the XML readers (ALTO, PAGE-XML, METS), and their one-line errors."""

from __future__ import annotations

from lxml import etree

from copydesk.errors import InputError

SAFE = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                       load_dtd=False)


def local(el: etree._Element) -> str:
    """An element's name without its namespace ('' for comments and the like)."""
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def parse_root(data: bytes, root: str, what: str) -> etree._Element:
    """The root element of an XML document that must be a ``root`` (by local name, any
    namespace, any case); an :class:`InputError` naming ``what`` otherwise."""
    try:
        element = etree.fromstring(data, parser=SAFE)
    except etree.XMLSyntaxError as exc:
        name = what if what.endswith("XML") else f"{what} XML"
        raise InputError(f"not well-formed {name}: {exc}") from None
    if local(element).lower() != root.lower():
        raise InputError(f"not a{'n' if what[0] in 'AEIOU' else ''} {what} document "
                         f"(its root is not <{root}>)")
    return element
