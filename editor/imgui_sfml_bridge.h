// Our SFML 2.5 <-> Dear ImGui 1.86 bridge: SFML events into ImGuiIO, rendering with ImGui's OpenGL3
// backend.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <cfloat>
#include <string>

#include "imgui.h"

namespace graphony::editor {

// ImGui 1.86 has the old input API (io.MouseDown[], io.KeysDown[], io.KeyMap[]). A press
// and release that arrive within one frame would be lost, so releases are latched to the
// next frame. Every pointer position of the frame is kept too (not just the last), so a
// fast brush stroke keeps its shape.
class ImGuiSfmlBridge {
 public:
  static constexpr int kMaxMotion = 128;

  // Creates the ImGui context and the OpenGL3 renderer. ini_path may be null (no imgui.ini).
  bool Init(sf::RenderWindow& window, const char* ini_path);
  void Shutdown();

  // Call once per frame before polling events: applies latched releases.
  void BeginEvents();
  void ProcessEvent(const sf::Event& event);
  void NewFrame(const sf::RenderWindow& window, float dt_seconds);
  // `capture` (tests): the finished frame is copied into it before it is shown.
  void Render(sf::RenderWindow& window, ImVec4 clear_color, sf::Texture* capture = nullptr);

  // Rebuilds the font texture after the font atlas changed (UI scale).
  void RebuildFonts();

  int MotionCount() const { return motion_count_; }
  ImVec2 Motion(int i) const { return motion_[i]; }
  bool WindowFocused() const { return focused_; }
  // Where the pointer was when button `b` last went down (a press and moves can share a frame).
  ImVec2 PressPos(int b) const { return press_pos_[b]; }
  // What ImGui will be told at the next NewFrame (tests).
  bool MouseDown(int b) const { return mouse_down_[b]; }
  ImVec2 MousePos() const { return mouse_pos_; }

 private:
  // The pointer (mouse, or the first finger) moved, went down or up; b < 0: not a button
  // ImGui knows, only the position counts.
  void MoveTo(ImVec2 pos);
  void Press(int b, ImVec2 pos);
  void Release(int b, ImVec2 pos);
  static const char* GetClipboard(void* user);
  static void SetClipboard(void* user, const char* text);

  static constexpr int kButtons = 5;
  bool mouse_down_[kButtons] = {};
  bool mouse_pressed_now_[kButtons] = {};
  bool mouse_release_latched_[kButtons] = {};
  bool key_down_[sf::Keyboard::KeyCount] = {};
  bool key_pressed_now_[sf::Keyboard::KeyCount] = {};
  bool key_release_latched_[sf::Keyboard::KeyCount] = {};
  float wheel_ = 0, wheel_h_ = 0;
  ImVec2 mouse_pos_{-FLT_MAX, -FLT_MAX};
  ImVec2 press_pos_[kButtons] = {};
  ImVec2 motion_[kMaxMotion];
  int motion_count_ = 0;
  // X11 gives a key event the modifiers held before it, so pressing Shift alone reads as
  // "no Shift" (and its release as "Shift"): a modifier key's own event says what it is.
  void TrackModifierKey(sf::Keyboard::Key code, bool down);
  bool ctrl_ = false, shift_ = false, alt_ = false, super_ = false;
  bool focused_ = true;
  std::string clipboard_;
};

}  // namespace graphony::editor
