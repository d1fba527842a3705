// Sliders whose value is never hidden under the handle: the value is written inside the frame
// on the side the handle is not on.
#pragma once

#include "app_state.h"

namespace graphony::editor {

// `text` is the value as people read it ("Speed 100%", "G3"); `ui` reports it when it does
// not fit beside the handle (layout report).
bool ValueSliderFloat(const char* id, float* v, float lo, float hi, const char* text, UiState& ui);
bool ValueSliderInt(const char* id, int* v, int lo, int hi, const char* text, UiState& ui);
bool ValueSliderDouble(const char* id, double* v, double lo, double hi, const char* text,
                       UiState& ui);

}  // namespace graphony::editor
