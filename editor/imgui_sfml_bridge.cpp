// SFML events -> ImGuiIO (old 1.86 input API) with same-frame press/release latches; GL3 rendering.
#include "imgui_sfml_bridge.h"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Clipboard.hpp>
#include <cstring>

#include "backends/imgui_impl_opengl3.h"

namespace graphony::editor {

namespace {

int MouseIndex(sf::Mouse::Button b) {
  switch (b) {
    case sf::Mouse::Left:
      return 0;
    case sf::Mouse::Right:
      return 1;
    case sf::Mouse::Middle:
      return 2;
    case sf::Mouse::XButton1:
      return 3;
    case sf::Mouse::XButton2:
      return 4;
    case sf::Mouse::ButtonCount:
      return -1;
  }
  return -1;
}

bool ValidKey(sf::Keyboard::Key k) { return k >= 0 && k < sf::Keyboard::KeyCount; }

}  // namespace

bool ImGuiSfmlBridge::Init(sf::RenderWindow& window, const char* ini_path) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = ini_path;
  io.BackendPlatformName = "graphony_sfml";
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ClipboardUserData = this;
  io.GetClipboardTextFn = GetClipboard;
  io.SetClipboardTextFn = SetClipboard;

  // Key map: ImGui's named keys -> our KeysDown[] indices (SFML key codes).
  io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
  io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
  io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
  io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
  io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
  io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
  io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
  io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
  io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
  io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
  io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
  io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
  io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
  io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
  io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
  io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
  io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;

  if (!window.setActive(true)) return false;
  const sf::Vector2u size = window.getSize();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  // GLSL 1.30 works on Mesa's compatibility contexts and on old GL 3.x laptops.
  return ImGui_ImplOpenGL3_Init("#version 130");
}

void ImGuiSfmlBridge::Shutdown() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiSfmlBridge::RebuildFonts() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiSfmlBridge::BeginEvents() {
  for (int b = 0; b < kButtons; ++b) {
    if (mouse_release_latched_[b]) mouse_down_[b] = false;
    mouse_release_latched_[b] = false;
    mouse_pressed_now_[b] = false;
  }
  for (int k = 0; k < sf::Keyboard::KeyCount; ++k) {
    if (key_release_latched_[k]) key_down_[k] = false;
    key_release_latched_[k] = false;
    key_pressed_now_[k] = false;
  }
  motion_count_ = 0;
}

void ImGuiSfmlBridge::ProcessEvent(const sf::Event& event) {
  ImGuiIO& io = ImGui::GetIO();
  switch (event.type) {
    case sf::Event::MouseMoved:
      MoveTo(ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)));
      break;
    case sf::Event::MouseButtonPressed:
      Press(MouseIndex(event.mouseButton.button), ImVec2(static_cast<float>(event.mouseButton.x),
                                                         static_cast<float>(event.mouseButton.y)));
      break;
    case sf::Event::MouseButtonReleased:
      Release(
          MouseIndex(event.mouseButton.button),
          ImVec2(static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)));
      break;
    // A finger is the left button where SFML delivers touch (SFML 2.5 on X11 does not: there
    // the X server turns the first finger into pointer events, handled above). Only the
    // first finger paints and taps; a second one resting on the screen is ignored.
    case sf::Event::TouchBegan:
      if (event.touch.finger == 0)
        Press(0, ImVec2(static_cast<float>(event.touch.x), static_cast<float>(event.touch.y)));
      break;
    case sf::Event::TouchMoved:
      if (event.touch.finger == 0)
        MoveTo(ImVec2(static_cast<float>(event.touch.x), static_cast<float>(event.touch.y)));
      break;
    case sf::Event::TouchEnded:
      if (event.touch.finger == 0)
        Release(0, ImVec2(static_cast<float>(event.touch.x), static_cast<float>(event.touch.y)));
      break;
    case sf::Event::MouseWheelScrolled:
      if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
        wheel_ += event.mouseWheelScroll.delta;
      else
        wheel_h_ += event.mouseWheelScroll.delta;
      break;
    case sf::Event::KeyPressed:
      if (ValidKey(event.key.code)) {
        key_down_[event.key.code] = true;
        key_pressed_now_[event.key.code] = true;
      }
      ctrl_ = event.key.control;
      shift_ = event.key.shift;
      alt_ = event.key.alt;
      super_ = event.key.system;
      TrackModifierKey(event.key.code, true);
      break;
    case sf::Event::KeyReleased:
      if (ValidKey(event.key.code)) {
        if (key_pressed_now_[event.key.code])
          key_release_latched_[event.key.code] = true;
        else
          key_down_[event.key.code] = false;
      }
      ctrl_ = event.key.control;
      shift_ = event.key.shift;
      alt_ = event.key.alt;
      super_ = event.key.system;
      TrackModifierKey(event.key.code, false);
      break;
    case sf::Event::TextEntered:
      // Control characters arrive as text too; ImGui wants only printable ones.
      if (event.text.unicode >= 32 && event.text.unicode != 127)
        io.AddInputCharacter(event.text.unicode);
      break;
    case sf::Event::LostFocus:
      focused_ = false;
      for (bool& k : key_down_) k = false;
      ctrl_ = shift_ = alt_ = super_ = false;
      break;
    case sf::Event::GainedFocus:
      focused_ = true;
      break;
    case sf::Event::MouseLeft:
      mouse_pos_ = ImVec2(-FLT_MAX, -FLT_MAX);
      break;
    case sf::Event::Closed:
    case sf::Event::Resized:
    case sf::Event::MouseEntered:
    case sf::Event::JoystickButtonPressed:
    case sf::Event::JoystickButtonReleased:
    case sf::Event::JoystickMoved:
    case sf::Event::JoystickConnected:
    case sf::Event::JoystickDisconnected:
    case sf::Event::SensorChanged:
    case sf::Event::MouseWheelMoved:  // deprecated twin of MouseWheelScrolled
    case sf::Event::Count:
      break;
  }
}

void ImGuiSfmlBridge::MoveTo(ImVec2 pos) {
  mouse_pos_ = pos;
  if (motion_count_ < kMaxMotion) motion_[motion_count_++] = pos;  // a stroke's points
}

void ImGuiSfmlBridge::Press(int b, ImVec2 pos) {
  mouse_pos_ = pos;
  if (b < 0) return;
  press_pos_[b] = pos;
  mouse_down_[b] = true;
  mouse_pressed_now_[b] = true;
}

void ImGuiSfmlBridge::Release(int b, ImVec2 pos) {
  mouse_pos_ = pos;
  if (b < 0) return;
  // Pressed and released within this frame: ImGui must still see the press.
  if (mouse_pressed_now_[b])
    mouse_release_latched_[b] = true;
  else
    mouse_down_[b] = false;
}

void ImGuiSfmlBridge::TrackModifierKey(sf::Keyboard::Key code, bool down) {
  using K = sf::Keyboard;  // (ifs, not a switch: -Wswitch-enum would want all ~100 keys)
  if (code == K::LShift || code == K::RShift) shift_ = down;
  if (code == K::LControl || code == K::RControl) ctrl_ = down;
  if (code == K::LAlt || code == K::RAlt) alt_ = down;
  if (code == K::LSystem || code == K::RSystem) super_ = down;
}

void ImGuiSfmlBridge::NewFrame(const sf::RenderWindow& window, float dt_seconds) {
  ImGuiIO& io = ImGui::GetIO();
  const sf::Vector2u size = window.getSize();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DeltaTime = dt_seconds > 0 ? dt_seconds : 1.0f / 60.0f;  // ImGui asserts on 0
  io.MousePos = mouse_pos_;
  for (int b = 0; b < kButtons; ++b) io.MouseDown[b] = mouse_down_[b];
  io.MouseWheel = wheel_;
  io.MouseWheelH = wheel_h_;
  wheel_ = wheel_h_ = 0;
  for (int k = 0; k < sf::Keyboard::KeyCount; ++k) io.KeysDown[k] = key_down_[k];
  io.KeyCtrl = ctrl_;
  io.KeyShift = shift_;
  io.KeyAlt = alt_;
  io.KeySuper = super_;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
}

void ImGuiSfmlBridge::Render(sf::RenderWindow& window, ImVec4 clear, sf::Texture* capture) {
  ImGui::Render();
  const sf::Vector2u size = window.getSize();
  glViewport(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y));
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (capture && capture->create(size.x, size.y)) capture->update(window);
  window.display();
}

const char* ImGuiSfmlBridge::GetClipboard(void* user) {
  auto* self = static_cast<ImGuiSfmlBridge*>(user);
  const sf::String text = sf::Clipboard::getString();
  const std::basic_string<sf::Uint8> utf8 = text.toUtf8();
  self->clipboard_.assign(utf8.begin(), utf8.end());
  return self->clipboard_.c_str();
}

void ImGuiSfmlBridge::SetClipboard(void*, const char* text) {
  sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::strlen(text)));
}

}  // namespace graphony::editor
