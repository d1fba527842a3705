// Tests for the activity clock behind the session log's minutes: turns, gaps, idle, closing.
#include "logic/activity_clock.h"

#include <doctest/doctest.h>

using graphony::editor::ActivityClock;

TEST_CASE("activity clock: time goes to whoever paints, idle gaps and default picks do not") {
  constexpr double idle = ActivityClock::kIdleSeconds;
  ActivityClock clock;
  clock.Input("cleo", 5, false);  // chosen by default on opening, never paints: no turn
  clock.Input("ana", 10, true);   // her stroke: the 5 s leading to it are hers
  clock.Input("ana", 40, false);  // 30 s of activity
  clock.Input("cleo", 45, false);
  clock.Input("bruno", 75, true);              // 30 s more, now Bruno paints
  clock.Input("bruno", 75 + idle + 1, false);  // away from the screen
  clock.Input("", 80 + idle, false);           // nobody chosen: nobody's time
  auto minutes = clock.TakeMinutes(false);
  REQUIRE(minutes.size() == 2);
  CHECK(minutes["ana"] == doctest::Approx(35.0 / 60));
  CHECK(minutes["bruno"] == doctest::Approx(0.5));
  // Taken once: a second save does not count the same minutes again.
  CHECK(clock.TakeMinutes(false).empty());
  clock.Input("ana", 92 + idle, false);  // 12 s later: her turn goes on after a save
  CHECK(clock.TakeMinutes(true)["ana"] == doctest::Approx(0.2));
  // The score was closed: her turn in the next one starts when she paints there.
  clock.Input("ana", 100 + idle, false);
  CHECK(clock.TakeMinutes(true).empty());
}
