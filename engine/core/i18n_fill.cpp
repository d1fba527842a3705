// Fill: replaces the named placeholders of a (translated) message with their values.
#include "core/i18n_fill.h"

namespace graphony::i18n {

std::string Fill(const std::string& text, std::initializer_list<FillValue> values) {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    const size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    out.append(text, i, open - i);
    const std::string name = text.substr(open + 1, close - open - 1);
    const FillValue* match = nullptr;
    for (const FillValue& v : values)
      if (name == v.first) match = &v;
    if (match) {
      out += match->second;
      i = close + 1;
    } else {
      out += '{';  // not a placeholder we know: keep the brace, look again after it
      i = open + 1;
    }
  }
  out.append(text, i, std::string::npos);
  return out;
}

}  // namespace graphony::i18n
