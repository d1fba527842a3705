// Kiosk mode's facilitator PIN pad: big digit buttons (a finger, a shaky hand, no words
// needed), dots for the digits typed, a tick to try and a cross to go back.
#pragma once

#include <string>

#include "app_state.h"
#include "theme.h"

namespace graphony::editor {

// What the PIN was asked for; the app does it once the right PIN is given.
enum class Guarded {
  kNone,
  kSettings,
  kQuit,
  kUnlock,
  kKioskOn,   // Settings: turn kiosk mode on (the PIN is checked, or set when there is none)
  kKioskOff,  // Settings: turn kiosk mode off (always asks, even while unlocked)
};

// Thread rules: [UI] only.
class PinPad {
 public:
  void Ask(Guarded why);
  // Asks for a new PIN, twice; Draw returns `why` once both agree, and NewHash() then holds
  // the new PIN's hash (the digits themselves are not kept).
  void AskNew(Guarded why);
  const std::string& NewHash() const { return new_hash_; }
  bool IsOpen() const { return open_; }
  // Draws the pad while open. Returns what the PIN was asked for once the right PIN is
  // given (kNone otherwise); a wrong one is refused and the pad stays open.
  Guarded Draw(UiState& ui, const CanvasColors& colors, const std::string& hash);
  int Digits() const { return count_; }
  int Failures() const { return failures_; }
  int Setting() const { return setting_; }  // 1, 2: a new PIN's first or second entry

 private:
  void Press(char digit);
  bool open_ = false, just_opened_ = false;
  Guarded why_ = Guarded::kNone;
  char digits_[16] = {};
  int count_ = 0;
  int failures_ = 0;          // wrong PINs in a row: after three, each try waits a little
  double wait_until_ = 0;     // app clock: no try before then
  bool wrong_shown_ = false;  // the last try was wrong (red cross until a digit is pressed)
  // Setting a new PIN: 0 checking, 1 the first entry, 2 the same again.
  int setting_ = 0;
  std::string first_hash_;  // the first entry's hash, while the second is typed
  std::string new_hash_;
  const char* problem_ = nullptr;  // why the new PIN was refused (shown until a digit)
};

}  // namespace graphony::editor
