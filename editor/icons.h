// Icons drawn with ImDrawList (no text, no image files): tools, commands, instruments, layer
// toggles.
#pragma once

#include <string_view>

#include "app_state.h"
#include "core/instrument_traits.h"
#include "imgui.h"
#include "theme.h"

namespace graphony::editor {

void DrawToolIcon(ImDrawList* dl, Tool tool, ImVec2 c, float s, ImU32 col);
void DrawCommandIcon(ImDrawList* dl, AppCommand cmd, ImVec2 c, float s, ImU32 col);
// The icon the instrument traits table gives `instrument`; an unknown name draws a note.
void DrawInstrumentIcon(ImDrawList* dl, std::string_view instrument, ImVec2 c, float s, ImU32 col);
void DrawInstrumentIcon(ImDrawList* dl, InstrumentIcon icon, ImVec2 c, float s, ImU32 col);

enum class Glyph {
  kEye,
  kEyeClosed,
  kLock,
  kUnlock,
  kSpeaker,
  kSpeakerMuted,
  kPerson,
  kPlus,
  kFolder,
  kPicture,
  kScoreFile,
  kUp,
  kHome,
  kTrash,
  kCheck,
  kCross,
  kDrive,
  kGroup,      // share within the group
  kMegaphone,  // share for publicity
  kMagnifier,  // share for research
  kBook,       // the portfolio booklet
  kCalendar    // a course session
};
void DrawGlyph(ImDrawList* dl, Glyph g, ImVec2 c, float s, ImU32 col);

// A square button whose face the caller draws. Shows `tooltip` on hover and puts `hint`
// in the status bar. Returns true when clicked.
struct IconButtonResult {
  bool pressed = false;
  ImVec2 center;
  float icon_size = 0;
  ImU32 color = 0;
};
IconButtonResult IconButton(const char* id, float size, bool active, const char* tooltip,
                            const char* hint, const CanvasColors& colors, UiState& ui,
                            bool enabled = true);

}  // namespace graphony::editor
