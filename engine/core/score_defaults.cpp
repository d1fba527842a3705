// Calm starting points for new scores (see score_defaults.h).
#include "core/score_defaults.h"

#include <cstdio>

#include "core/i18n.h"
#include "core/people.h"

namespace graphony {

std::vector<PaletteEntry> DefaultPalette() {
  // Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
  // Each instrument sits in its own register/timbre so mixed colours stay clear.
  return {
      {Color{0x00, 0x72, 0xb2, 0xff}, "soft-pad", "Warm pad", ""},
      {Color{0xe6, 0x9f, 0x00, 0xff}, "marimba", "Marimba", ""},
      {Color{0x56, 0xb4, 0xe9, 0xff}, "flute", "Flute", ""},
      {Color{0xf0, 0xe4, 0x42, 0xff}, "bell", "Bells", ""},
      {Color{0x00, 0x9e, 0x73, 0xff}, "pluck", "Harp", ""},
      {Color{0xd5, 0x5e, 0x00, 0xff}, "bass", "Bass", ""},
  };
}

Score NewScore() {
  Score score;
  score.title = _("Untitled");  // in the language of whoever makes it: the title is theirs
  score.date = TodayIsoDate();  // the day it was made: the printed score shows it
  score.tempo_bpm = 72;
  score.meter = Meter{4, 4};
  score.length_beats = 32;
  score.mapping = Mapping{};
  score.mapping.scale = "major-pentatonic";
  score.mapping.root = 60;     // C4
  score.mapping.lowest = 55;   // G3: low enough to be warm, high enough for laptop speakers
  score.mapping.highest = 79;  // G5
  score.mapping.image_mode = ImageMode::kNotes;
  score.palette = DefaultPalette();
  return score;
}

std::string NewScoreTitle(const std::string& iso_date) {
  // TRANSLATORS: a new score's title, e.g. "Music of 3 December 2026"; %s is the date.
  const char* format = _("Music of %s");
  char out[256];
  std::snprintf(out, sizeof out, format, DateInWords(iso_date).c_str());
  return out;
}

}  // namespace graphony
