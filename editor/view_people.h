// People panel: the group, with each person's name, initials, "credit me by name", consent
// by purpose and a keep-until date. It sends PeopleCommands; the Document holds the people.
#pragma once

#include <cstdint>
#include <string>

#include "app_state.h"
#include "logic/document.h"
#include "theme.h"

namespace graphony::editor {

// What the panel remembers between frames: which person is open and the text being typed.
// Musical state (the people themselves) stays in the Document.
struct PeopleViewState {
  bool open = false;
  bool was_open = false;  // open on the previous frame (focus the window once when it opens)
  std::string selected_id;
  uint64_t synced_revision = 0;  // the fields below were copied from this revision
  std::string synced_id;
  char name[128] = {};
  char initials[32] = {};
  char keep_until[16] = {};
  char new_name[128] = {};
  bool confirm_remove = false;
  std::string message;
  bool message_is_error = false;
};

// Draws the People window when state.open (a floating window above the panels). Importing
// from another score is a kImportPeople command: the App runs the file browser.
void DrawPeopleWindow(Document& doc, UiState& ui, PeopleViewState& state,
                      const CanvasColors& colors);

}  // namespace graphony::editor
