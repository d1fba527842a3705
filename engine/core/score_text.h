// Text forms of small score values: colours "#rrggbb[aa]", numbers, meters "3/4", image modes.
#pragma once

#include <optional>
#include <string>

#include "core/score.h"

namespace graphony {

std::string FormatColor(const Color& color);               // "#e69f00", "#e69f0080"
std::optional<Color> ParseColor(const std::string& text);  // accepts either case

// The shortest text that reads back as the same double: 900 -> "900", 0.1 -> "0.1".
std::string FormatNumber(double value);
// The same for float fields, then widened: 0.02f -> 0.02 (not 0.0199999995529651).
double FloatForText(float value);

std::string FormatMeter(const Meter& meter);               // "4/4"
std::optional<Meter> ParseMeter(const std::string& text);  // "3/4", "6/8" (no range check)

// Text in double quotes with control characters escaped, so an error stays on one line.
std::string QuoteText(const std::string& text);

const char* ImageModeName(ImageMode mode);  // "scan" / "notes"
std::optional<ImageMode> ParseImageMode(const std::string& text);

}  // namespace graphony
