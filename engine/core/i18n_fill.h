// Named placeholders in translated text: "Music by {names}" -> "Muzyka: {names}", filled in
// after translation, so a translator can move each value where the sentence needs it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace graphony::i18n {

// One value for a placeholder: {"names", "Ana and Bo"} fills "{names}".
using FillValue = std::pair<std::string_view, std::string>;

// Replaces each "{key}" in `pattern` by its value, in one pass (a value that itself contains
// "{key}" is not filled again). "{{" and "}}" print a literal brace. A placeholder with no
// value is left as written, so a translator's typo shows on the page instead of vanishing.
std::string Fill(std::string_view pattern, std::initializer_list<FillValue> values);

}  // namespace graphony::i18n
