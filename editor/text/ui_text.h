// The editor's _(): a translation ready to draw (shaped and in visual order for Arabic), and
// ImGui labels whose ID stays the same in every language.
#pragma once

#include "core/i18n.h"
#include "text/bidi_text.h"

// In views, _() translates and shapes (text::Visual) what ImGui draws; the engine's _() only
// translates. Text kept in the score (a layer's default name) uses i18n::Translate(N_(...)).
#undef _
#define _(msgid) ::graphony::editor::text::Visual(::graphony::i18n::Translate(msgid))

namespace graphony::editor::text {

// "<text>###id" for ImGui from a translated `text` and an ID ("##id", "###id" or "id"): the
// ImGui ID is then "###id" alone, so the widget keeps its ID and state in every language. The
// result lives in one of a few reused buffers: pass it straight to ImGui (at most 8 in one call).
const char* WithId(const char* text, const char* id);

// ngettext for UI text, shaped: Plural("%d bar", "%d bars", n) (xgettext --keyword=Plural:1,2).
const char* Plural(const char* singular, const char* plural, unsigned long n);

}  // namespace graphony::editor::text
