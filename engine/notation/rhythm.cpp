// Splitting durations into written note values (plain or dotted), aligned within the measure.
#include "notation/notation.h"

namespace graphony::notation {

std::vector<int> SplitIntoNoteValues(int position, int ticks, int ticks_per_whole) {
  std::vector<int> pieces;
  while (ticks > 0) {
    int chosen = 1;
    // Longest first: a value may start only where its plain value would be on the beat
    // grid of that value, which keeps syncopations readable (no half note on beat 2).
    for (int plain = ticks_per_whole; plain >= 1; plain /= 2) {
      if (position % plain != 0) continue;
      // A dotted value starts only where the next longer value could (dotted quarter on
      // beat 1 or 3 of 4/4, not on beat 2), else chains of dotted values appear.
      const bool dotted_fits = plain % 2 == 0 && position % (2 * plain) == 0;
      const int dotted = dotted_fits ? plain + plain / 2 : 0;
      if (dotted > 0 && dotted <= ticks && dotted <= ticks_per_whole) {
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
