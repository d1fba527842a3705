// Mapping panel: title, scale, root, range, tempo, meter and length; the canvas guides follow at
// once.
#pragma once

#include <array>
#include <string>

#include "app_state.h"
#include "logic/document.h"

namespace graphony::editor {

// Note-name labels built once, so drawing the panel allocates nothing.
struct MappingViewState {
  MappingViewState();
  std::array<std::string, 128> note_labels;
  char title[128] = {};
  uint64_t title_revision = 0;
};

void DrawMappingPanel(Document& doc, UiState& ui, MappingViewState& state);

}  // namespace graphony::editor
