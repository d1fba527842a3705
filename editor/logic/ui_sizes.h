// The UI sizes and themes people can choose, by name (menus, settings, --ui-size, --theme).
#pragma once

#include <cstring>

#include "core/i18n.h"

namespace graphony::editor {

struct UiSize {
  const char* name;   // for the command line: normal, large, larger, largest
  const char* label;  // for the View menu (marked N_, translated where shown)
  float scale;
};
constexpr UiSize kUiSizes[] = {
    {"normal", N_("Normal size"), 1.0f},
    {"large", N_("Large"), 1.25f},
    {"larger", N_("Larger"), 1.5f},
    {"largest", N_("Largest"), 2.0f},
};
constexpr int kUiSizeCount = 4;

// Theme names in ThemeKind order (0 dark, 1 light, 2 high contrast).
constexpr const char* kThemeNames[] = {"dark", "light", "high-contrast"};
constexpr const char* kThemeLabels[] = {N_("Dark"), N_("Light"), N_("High contrast")};
constexpr int kThemeCount = 3;

inline int FindUiSize(const char* name) {
  for (int i = 0; i < kUiSizeCount; ++i)
    if (std::strcmp(kUiSizes[i].name, name) == 0) return i;
  return -1;
}
inline int FindTheme(const char* name) {
  for (int i = 0; i < kThemeCount; ++i)
    if (std::strcmp(kThemeNames[i], name) == 0) return i;
  return -1;
}

}  // namespace graphony::editor
