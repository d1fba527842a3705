// Named placeholders for translated messages: Fill(_("{file}: {problem}"), {{"file", f}, ...}).
#pragma once

#include <initializer_list>
#include <string>
#include <utility>

namespace graphony::i18n {

// One placeholder's name (without braces) and the text it stands for.
using FillValue = std::pair<const char*, std::string>;

// Replaces every "{name}" in `text` with its value. Names, not positions, so a translator can
// put the values in the order their language needs. A "{word}" with no value given is kept as
// written, so a misspelt placeholder in a translation shows instead of silently vanishing.
std::string Fill(const std::string& text, std::initializer_list<FillValue> values);

}  // namespace graphony::i18n
