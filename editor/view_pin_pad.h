// Kiosk mode's facilitator PIN pad: big digit buttons (a finger, a shaky hand, no words
// needed), dots for the digits typed, a tick to try and a cross to go back.
#pragma once

#include <string>

#include "app_state.h"
#include "theme.h"

namespace graphony::editor {

// What the PIN was asked for; the app does it once the right PIN is given.
enum class Guarded { kNone, kSettings, kQuit, kUnlock };

// Thread rules: [UI] only.
class PinPad {
 public:
  void Ask(Guarded why);
  bool IsOpen() const { return open_; }
  // Draws the pad while open. Returns what the PIN was asked for once the right PIN is
  // given (kNone otherwise); a wrong one is refused and the pad stays open.
  Guarded Draw(UiState& ui, const CanvasColors& colors, const std::string& hash);
  int Digits() const { return count_; }
  int Failures() const { return failures_; }

 private:
  void Press(char digit);
  bool open_ = false, just_opened_ = false;
  Guarded why_ = Guarded::kNone;
  char digits_[16] = {};
  int count_ = 0;
  int failures_ = 0;          // wrong PINs in a row: after three, each try waits a little
  double wait_until_ = 0;     // app clock: no try before then
  bool wrong_shown_ = false;  // the last try was wrong (red cross until a digit is pressed)
};

}  // namespace graphony::editor
