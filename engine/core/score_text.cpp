// Text forms of small score values (see score_text.h).
#include "core/score_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace graphony {

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<int> ParsePositiveInt(const std::string& text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::string FormatColor(const Color& c) {
  char text[10];
  if (c.a == 255)
    std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
  else
    std::snprintf(text, sizeof text, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
  return text;
}

std::optional<Color> ParseColor(const std::string& text) {
  if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
  uint8_t channel[4] = {0, 0, 0, 255};
  for (size_t i = 0; i + 1 < text.size(); i += 2) {
    const int hi = HexDigit(text[i + 1]), lo = HexDigit(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    channel[i / 2] = static_cast<uint8_t>(hi * 16 + lo);
  }
  return Color{channel[0], channel[1], channel[2], channel[3]};
}

std::string FormatNumber(double value) {
  // Whole numbers in full ("100000", not "1e+05"): these are read by people.
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return std::to_string(static_cast<long long>(value));
  char text[64];
  auto result = std::to_chars(text, text + sizeof text, value);
  return std::string(text, result.ptr);
}

double FloatForText(float value) {
  char text[64];
  auto result = std::to_chars(text, text + sizeof text, value);
  *result.ptr = '\0';
  return std::strtod(text, nullptr);
}

std::string FormatMeter(const Meter& meter) {
  return std::to_string(meter.numerator) + "/" + std::to_string(meter.denominator);
}

std::optional<Meter> ParseMeter(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto num = ParsePositiveInt(text.substr(0, slash));
  auto den = ParsePositiveInt(text.substr(slash + 1));
  if (!num || !den) return std::nullopt;
  return Meter{*num, *den};
}

std::string QuoteText(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", u);
      out += hex;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

const char* ImageModeName(ImageMode mode) {
  switch (mode) {
    case ImageMode::kScan:
      return "scan";
    case ImageMode::kNotes:
      return "notes";
  }
  return "notes";
}

std::optional<ImageMode> ParseImageMode(const std::string& text) {
  if (text == "scan") return ImageMode::kScan;
  if (text == "notes") return ImageMode::kNotes;
  return std::nullopt;
}

}  // namespace graphony
