// A finger on a touchscreen (where SFML delivers touch events) paints and taps like the left
// mouse button: the bridge turns finger 0 into ImGui's left button, its moves into a stroke's
// points, and ignores a second finger.
#include <doctest/doctest.h>

#include <SFML/Window/Event.hpp>

#include "imgui.h"
#include "imgui_sfml_bridge.h"

using graphony::editor::ImGuiSfmlBridge;

namespace {

sf::Event Touch(sf::Event::EventType type, unsigned finger, int x, int y) {
  sf::Event e{};
  e.type = type;
  e.touch.finger = finger;
  e.touch.x = x;
  e.touch.y = y;
  return e;
}

// The bridge reads ImGui's IO for some events: a context, but no window or renderer.
struct ImGuiContextForTest {
  ImGuiContextForTest() { ImGui::CreateContext(); }
  ~ImGuiContextForTest() { ImGui::DestroyContext(); }
};

}  // namespace

TEST_CASE("the first finger presses, drags and releases the left button") {
  ImGuiContextForTest context;
  ImGuiSfmlBridge bridge;
  bridge.BeginEvents();
  bridge.ProcessEvent(Touch(sf::Event::TouchBegan, 0, 100, 200));
  CHECK(bridge.MouseDown(0));
  CHECK(bridge.PressPos(0).x == 100);
  CHECK(bridge.PressPos(0).y == 200);
  bridge.BeginEvents();  // next frame
  bridge.ProcessEvent(Touch(sf::Event::TouchMoved, 0, 110, 205));
  bridge.ProcessEvent(Touch(sf::Event::TouchMoved, 0, 120, 210));
  REQUIRE(bridge.MotionCount() == 2);  // both points reach the stroke
  CHECK(bridge.Motion(1).x == 120);
  CHECK(bridge.MouseDown(0));
  bridge.ProcessEvent(Touch(sf::Event::TouchEnded, 0, 120, 210));
  CHECK_FALSE(bridge.MouseDown(0));
  CHECK(bridge.MousePos().x == 120);
}

TEST_CASE("a tap within one frame is still seen as a press") {
  ImGuiContextForTest context;
  ImGuiSfmlBridge bridge;
  bridge.BeginEvents();
  bridge.ProcessEvent(Touch(sf::Event::TouchBegan, 0, 30, 40));
  bridge.ProcessEvent(Touch(sf::Event::TouchEnded, 0, 30, 40));
  CHECK(bridge.MouseDown(0));  // this frame: ImGui sees the press
  bridge.BeginEvents();
  CHECK_FALSE(bridge.MouseDown(0));  // the next: released
}

TEST_CASE("a second finger resting on the screen is ignored") {
  ImGuiContextForTest context;
  ImGuiSfmlBridge bridge;
  bridge.BeginEvents();
  bridge.ProcessEvent(Touch(sf::Event::TouchBegan, 1, 500, 500));
  CHECK_FALSE(bridge.MouseDown(0));
  bridge.ProcessEvent(Touch(sf::Event::TouchMoved, 1, 510, 510));
  CHECK(bridge.MotionCount() == 0);
}
