// Recognising written note values (plain or dotted) from durations in ticks.
#include "notation/writers.h"

namespace graphony::notation {

bool NoteValue(int ticks, int ticks_per_whole, int* denominator, int* dots) {
  for (int d = 1, plain = ticks_per_whole; plain >= 1; d *= 2, plain /= 2) {
    if (ticks == plain) {
      *denominator = d;
      *dots = 0;
      return true;
    }
    if (plain % 2 == 0 && ticks == plain + plain / 2) {
      *denominator = d;
      *dots = 1;
      return true;
    }
  }
  return false;
}

}  // namespace graphony::notation
