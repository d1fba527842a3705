// Splitting durations into written note values (plain or dotted), aligned within the measure.
#include "notation/notation.h"

namespace graphony::notation {

std::vector<int> SplitIntoNoteValues(int position, int ticks, int ticks_per_whole, bool rest) {
  std::vector<int> pieces;
  while (ticks > 0) {
    int chosen = 1;
    // Longest first. A value of a beat or more starts on a beat (a half note on beat 2 is
    // fine syncopation, and saves a tie); a shorter value stays inside its beat, aligned to
    // its own length. Rests are never dotted (simple meters spell them plain, beat by beat).
    const bool on_beat = position % kTicksPerBeat == 0;
    // The "eighth, quarter, eighth" syncopation: a lone quarter on the off-beat, inside one
    // half of a 4/4-style bar (beats 1-2 or 3-4), reads more easily than two tied eighths.
    const int half = kTicksPerBeat / 2;
    if (!rest && ticks == kTicksPerBeat && ticks_per_whole == 4 * kTicksPerBeat &&
        position % half == 0 && !on_beat &&
        position / (2 * kTicksPerBeat) == (position + ticks - 1) / (2 * kTicksPerBeat)) {
      pieces.push_back(ticks);
      break;
    }
    for (int plain = ticks_per_whole; plain >= 1; plain /= 2) {
      const bool fits = plain >= kTicksPerBeat ? on_beat && (!rest || position % plain == 0)
                                               : position % plain == 0;
      if (!fits) continue;
      const int dotted = plain % 2 == 0 ? plain + plain / 2 : 0;
      const bool dotted_fits = !rest && dotted > 0 && dotted <= ticks &&
                               dotted <= ticks_per_whole &&
                               (plain >= kTicksPerBeat || position % kTicksPerBeat == 0);
      if (dotted_fits) {
        chosen = dotted;
        break;
      }
      if (plain <= ticks) {
        chosen = plain;
        break;
      }
    }
    pieces.push_back(chosen);
    position += chosen;
    ticks -= chosen;
  }
  return pieces;
}

}  // namespace graphony::notation
