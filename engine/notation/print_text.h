// Text on printed pages through pango: one call per line or paragraph, UTF-8 safe.
#pragma once

#include <cairo.h>

#include <string>

namespace graphony::notation {

enum class Align { kLeft, kCenter, kRight };

struct TextStyle {
  double size = 10;  // points
  bool bold = false;
  bool serif = false;
  Align align = Align::kLeft;
  double width = -1;  // wrap width in points; -1 = one line
};

// Draws `text` with its top at y (x is the left, centre or right edge by align).
// Returns the height used.
double DrawText(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style);

// Measures `text` without drawing: width and height in points.
void MeasureText(cairo_t* cr, const std::string& text, const TextStyle& style, double* width,
                 double* height);

}  // namespace graphony::notation
