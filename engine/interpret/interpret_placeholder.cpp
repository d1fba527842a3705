// Placeholder so the library has a source until its issue lands; see engine/interpret/*.h.
