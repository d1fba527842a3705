// Minutes each person is active in the editor (for the course session log): time between
// input events, added to whoever is drawing once they have changed the score (the person
// chosen by default on opening has no turn until they paint), idle gaps not counted.
#pragma once

#include <map>
#include <set>
#include <string>

namespace graphony::editor {

class ActivityClock {
 public:
  // A gap between two input events longer than this is a pause, not activity.
  static constexpr double kIdleSeconds = 60;

  // Call when the window had input at app time `now` (seconds) while `person` draws ("" =
  // nobody chosen: the time is nobody's); `edited`: the score changed since the last call.
  void Input(const std::string& person, double now, bool edited);
  // Minutes per person since the last Take, then starts again (a save hands them on). With
  // `close`, everyone's turn ends too (the score is closed).
  std::map<std::string, double> TakeMinutes(bool close);

 private:
  std::map<std::string, double> seconds_;
  std::set<std::string> turns_;  // people who changed the score: their time counts
  double last_input_ = -1;
};

}  // namespace graphony::editor
