"""YAML input and output.

* :mod:`itures.yamlio.read`: the fast read path (libyaml through PyYAML's C
  parser, YAML 1.2 core schema, positions kept on the node tree).
* :mod:`itures.yamlio.write`: the canonical layout, comments kept in place,
  used by the commands that write files (fmt, import).
"""

# The keys every resolution file has: a mapping with none of them is not a
# resolution (a configuration or a note left in the corpus), said as such
# rather than as each key missing and each of its own unknown.
RESOLUTION_KEYS = ("body", "number", "language", "title", "history")


def not_a_resolution(data: object) -> bool:
    """Whether parsed YAML is a mapping with none of :data:`RESOLUTION_KEYS`
    (an empty mapping is a resolution with everything missing)."""
    return isinstance(data, dict) and bool(data) and not any(k in data for k in RESOLUTION_KEYS)
