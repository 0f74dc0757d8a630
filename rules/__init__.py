"""newslint's built-in rules, one module per family (installed as ``newslint.rules``)."""
