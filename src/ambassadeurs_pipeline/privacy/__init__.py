"""Privacy primitives shared by every stage (pseudonymisation of identifiers)."""
