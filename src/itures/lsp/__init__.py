"""``itures lsp``: a language server (stdio) with every rule, quick fixes and citations.

Built on pygls and lsprotocol, and on the check pipeline, so that the editor
shows exactly what ``itures check`` prints for the same text. One module per
feature family:

* :mod:`itures.lsp.session`: the workspace, its configuration and corpus;
  the check of a document's unsaved text;
* :mod:`itures.lsp.diagnostics`: findings as LSP diagnostics, when they are
  published;
* :mod:`itures.lsp.actions`: quick fixes;
* :mod:`itures.lsp.navigation`: definition, hover and references of citations;
* :mod:`itures.lsp.editing`: completion, the outline, rename of a footnote;
* :mod:`itures.lsp.positions`: positions in code points and in the client's units;
* :mod:`itures.lsp.server`: the wiring.

pygls is imported by this package only: the other commands never load it.
Set-up for editors: docs/editors.md.
"""
