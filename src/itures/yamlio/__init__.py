"""YAML input and output.

* :mod:`itures.yamlio.read`: the fast read path (libyaml through PyYAML's C
  parser, YAML 1.2 core schema, positions kept on the node tree).
* :mod:`itures.yamlio.write`: the canonical layout, comments kept in place,
  used by the commands that write files (fmt, import).
"""
