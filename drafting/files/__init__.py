"""Reading and writing files: YAML with line numbers, located field readers, atomic writes."""
