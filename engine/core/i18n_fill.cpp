// Named placeholders in translated text, filled after translation.
#include "core/i18n_fill.h"

namespace graphony::i18n {

std::string Fill(std::string_view pattern, std::initializer_list<FillValue> values) {
  std::string out;
  out.reserve(pattern.size() + 32);
  size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      out += c;  // "{{" or "}}": a literal brace
      i += 2;
      continue;
    }
    if (c == '{') {
      const size_t close = pattern.find('}', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view key = pattern.substr(i + 1, close - i - 1);
        const FillValue* found = nullptr;
        for (const FillValue& v : values)
          if (v.first == key) found = &v;
        if (found) {
          out += found->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace graphony::i18n
