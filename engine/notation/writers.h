// Writing the notation model as MusicXML 3.1, Standard MIDI File type 1 and LilyPond source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "notation/notation.h"

namespace graphony::notation {

// MusicXML 3.1 partwise: part-list with instrument names and MIDI programs, credits.
std::string ToMusicXml(const NotationScore& score);

// SMF type 1, 480 ticks per quarter: the performance, not the print. A tempo/meter track, then
// one track per instrument with every sounding note of `events` unquantised (name, GM program
// from the traits table), one per gesture (pitch bends, expression) and one per scan bank
// (its partials as notes). `score` gives the title, tempo and meter.
std::vector<uint8_t> ToMidiFile(const NotationScore& score, const Events& events);

// LilyPond 2.24 source for `paper` ("a4" or "letter"), with bar checks after every measure.
// The full score, or with `parts` one \bookpart a part (its own pages, multi-bar rests).
std::string ToLilyPond(const NotationScore& score, const std::string& paper = "a4",
                       bool parts = false);

// Note value names for a written duration: "quarter" / 4, with `dots` set (0 or 1).
// Returns false when `ticks` is not a plain or dotted value.
bool NoteValue(int ticks, int ticks_per_whole, int* denominator, int* dots);

}  // namespace graphony::notation
