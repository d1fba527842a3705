// Minutes each person is active in the editor, counted between input events.
#include "logic/activity_clock.h"

#include <algorithm>

namespace graphony::editor {

void ActivityClock::Input(const std::string& person, double now, bool edited) {
  if (edited && !person.empty()) turns_.insert(person);
  if (last_input_ >= 0 && turns_.count(person)) {
    const double gap = now - last_input_;
    // A long gap is someone away from the screen; a steady stream of input is activity.
    if (gap > 0 && gap <= kIdleSeconds) seconds_[person] += gap;
  }
  last_input_ = now;
}

std::map<std::string, double> ActivityClock::TakeMinutes(bool close) {
  if (close) turns_.clear();
  std::map<std::string, double> minutes;
  for (const auto& [person, seconds] : seconds_)
    if (seconds > 0) minutes[person] = seconds / 60.0;
  seconds_.clear();
  return minutes;
}

}  // namespace graphony::editor
