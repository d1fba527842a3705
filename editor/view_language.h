// The language picker that needs no English: one big button per language, each showing the
// language in its own name and script (Polski, 中文, العربية...). No flags: a language is
// not a country.
#pragma once

#include <string>

#include "app_state.h"

namespace graphony::editor {

// Switches the editor to `code` at once: gettext, the remembered setting, and the font atlas
// (rebuilt before the next frame). False, and nothing changes, for a code we do not ship.
bool ChooseLanguage(UiState& ui, const std::string& code);

// The buttons, as many to a row as fit in `avail_w`; each `button_h` tall. The current
// language is highlighted. Tests find them as language.<code>. True when one was chosen.
bool DrawLanguageButtons(UiState& ui, float avail_w, float button_h);
// The height DrawLanguageButtons takes for `avail_w` (to lay out around it).
float LanguageButtonsHeight(float avail_w, float button_h);

// The settings entry in the menu bar, labelled with the current language's own name; it
// opens the same buttons.
void DrawLanguageMenu(UiState& ui);

}  // namespace graphony::editor
