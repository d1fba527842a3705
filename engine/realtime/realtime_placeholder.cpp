// Placeholder so the library has a source until its issue lands; see engine/realtime/*.h.
