"""Format parsers, one module each, and the value types they return (``model``)."""
