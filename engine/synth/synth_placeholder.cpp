// Placeholder so the library has a source until its issue lands; see engine/synth/*.h.
