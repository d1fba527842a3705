// WithId / Plural: translated ImGui labels with language-independent IDs.
#include "text/ui_text.h"

#include <array>
#include <cstring>
#include <string>

namespace graphony::editor::text {

const char* WithId(const char* text, const char* id) {
  // A small ring: buffers keep their capacity, so an idle frame allocates nothing.
  static std::array<std::string, 8> ring;
  static size_t next = 0;
  std::string& out = ring[next++ % ring.size()];
  // ImGui hashes the whole label unless it holds "###": only then is the ID the part after.
  while (*id == '#') ++id;
  out.assign(text);
  out.append("###");
  out.append(id);
  return out.c_str();
}

const char* UiText(const char* msgid) {
  const char* t = i18n::Translate(msgid);
  return std::strchr(msgid, '%') ? t : Visual(t);
}

const char* Plural(const char* singular, const char* plural, unsigned long n) {
  return i18n::TranslatePlural(singular, plural, n);
}

char* PrintfBuffer() {
  static std::array<std::array<char, kPrintfBytes>, 8> ring;
  static size_t next = 0;
  return ring[next++ % ring.size()].data();
}

}  // namespace graphony::editor::text
