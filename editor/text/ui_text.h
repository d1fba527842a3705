// The editor's _(): a translation ready to draw (shaped and in visual order for Arabic), and
// ImGui labels whose ID stays the same in every language.
#pragma once

#include <cstdio>

#include "core/i18n.h"
#include "text/bidi_text.h"

// In views, _() translates and shapes (text::Visual) what ImGui draws; the engine's _() only
// translates. A format ("Speed %.0f%%") is translated but not shaped, since shaping reorders
// "%d" into "d%": give it to text::Printf, which shapes the finished text. Text kept in the
// score (a layer's default name) uses i18n::Translate(N_(...)).
#undef _
#define _(msgid) ::graphony::editor::text::UiText(msgid)

namespace graphony::editor::text {

// The translation of `msgid`, shaped unless it is a printf format (holds a '%').
const char* UiText(const char* msgid);

// "<text>###id" for ImGui from a translated `text` and an ID ("##id", "###id" or "id"): the
// ImGui ID is then "###id" alone, so the widget keeps its ID and state in every language. The
// result lives in one of a few reused buffers: pass it straight to ImGui (at most 8 in one call).
const char* WithId(const char* text, const char* id);

// ngettext for UI text: Plural("%d bar", "%d bars", n) (xgettext --keyword=Plural:1,2). A
// format, so not shaped: Printf(Plural(...), n) is.
const char* Plural(const char* singular, const char* plural, unsigned long n);

// printf with a (translated) format, shaped for drawing. The result lives in one of a few
// reused buffers (or the shaping cache): draw it now, or copy it.
char* PrintfBuffer();
constexpr size_t kPrintfBytes = 512;
template <typename... Args>
const char* Printf(const char* format, Args... args) {
  char* buf = PrintfBuffer();
  std::snprintf(buf, kPrintfBytes, format, args...);
  return Visual(buf);
}

}  // namespace graphony::editor::text
