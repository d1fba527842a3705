// The UI sizes and themes people can choose, by name (menus, settings, --ui-size, --theme).
#pragma once

#include <cstring>

namespace graphony::editor {

struct UiSize {
  const char* name;   // for the command line: normal, large, larger, largest
  const char* label;  // for the View menu
  float scale;
};
constexpr UiSize kUiSizes[] = {
    {"normal", "Normal size", 1.0f},
    {"large", "Large", 1.25f},
    {"larger", "Larger", 1.5f},
    {"largest", "Largest", 2.0f},
};
constexpr int kUiSizeCount = 4;

// Theme names in ThemeKind order (0 dark, 1 light, 2 high contrast).
constexpr const char* kThemeNames[] = {"dark", "light", "high-contrast"};
constexpr const char* kThemeLabels[] = {"Dark", "Light", "High contrast"};
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
