// The welcome on a start without a score: the languages in their own names, then three big
// picture buttons (start from a picture, open the demo, continue the last score) over the
// empty editor.
#pragma once

#include "app_state.h"
#include "theme.h"

namespace graphony::editor {

enum class WelcomeChoice { kNone, kPicture, kDemo, kContinue, kEmpty };

// `has_demo` / `last_score`: what can be offered (an empty name greys "continue").
WelcomeChoice DrawWelcome(UiState& ui, const CanvasColors& colors, bool has_demo,
                          const char* last_score);

}  // namespace graphony::editor
