// fribidi does the Unicode bidi algorithm and Arabic joining; this file only converts UTF-8,
// keeps ImGui "##id" suffixes intact and caches the results.
#include "text/bidi_text.h"

#include <fribidi.h>

#include <cstdio>
#include <memory>
#include <unordered_map>
#include <vector>

#include "core/i18n.h"

namespace graphony::editor::text {

namespace {

// Decodes UTF-8 strictly; false on a malformed sequence (the text is then left alone).
bool DecodeUtf8(std::string_view s, std::vector<FriBidiChar>& out) {
  out.clear();
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    FriBidiChar cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    out.push_back(cp);
    i += n;
  }
  return true;
}

void AppendUtf8(FriBidiChar c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Invisible controls ImGui would draw as boxes: bidi marks and embeddings, and the filler
// fribidi leaves where two letters became one ligature (lam-alef).
bool Invisible(FriBidiChar c) {
  return c == 0xFEFF || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

void ShapeParagraph(const std::vector<FriBidiChar>& logical, bool rtl_base, std::string& out) {
  const FriBidiStrIndex len = static_cast<FriBidiStrIndex>(logical.size());
  if (len == 0) return;
  std::vector<FriBidiChar> str = logical;
  std::vector<FriBidiCharType> types(len);
  std::vector<FriBidiBracketType> brackets(len);
  std::vector<FriBidiLevel> levels(len);
  std::vector<FriBidiArabicProp> arabic(len);
  fribidi_get_bidi_types(str.data(), len, types.data());
  fribidi_get_bracket_types(str.data(), len, types.data(), brackets.data());
  FriBidiParType base = rtl_base ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &base,
                                           levels.data())) {
    for (FriBidiChar c : logical) AppendUtf8(c, out);
    return;
  }
  fribidi_get_joining_types(str.data(), len, arabic.data());
  fribidi_join_arabic(types.data(), len, levels.data(), arabic.data());
  constexpr FriBidiFlags kFlags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
  fribidi_shape(kFlags, levels.data(), len, arabic.data(), str.data());
  if (!fribidi_reorder_line(kFlags, types.data(), len, 0, base, levels.data(), str.data(),
                            nullptr)) {
    for (FriBidiChar c : logical) AppendUtf8(c, out);
    return;
  }
  for (FriBidiChar c : str)
    if (!Invisible(c)) AppendUtf8(c, out);
}

struct Cache {
  // Keyed by the text and its base direction; node-based, so c_str() pointers stay put.
  std::unordered_map<std::string, std::string> entries;
  // The shaped results (views into `entries`), each with the logical text it came from:
  // text already in visual order is given back as it is, so Visual(Visual(x)) == Visual(x)
  // (a translated label may pass through twice), and LogicalOf() can undo a shaping when the
  // text must be wrapped (lines are broken in logical order, then shaped one by one).
  std::unordered_map<std::string_view, std::string> shaped;
};
Cache& TheCache() {
  static Cache cache;
  return cache;
}

}  // namespace

bool HasRightToLeft(std::string_view s) {
  // Called for every label every frame: no allocation. Right-to-left letters are never
  // ASCII, so only multi-byte sequences are decoded.
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const int n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    FriBidiChar cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (FRIBIDI_IS_RTL(fribidi_get_bidi_type(cp))) return true;
    i += n;
  }
  return false;
}

std::string ToVisual(std::string_view logical, bool rtl_base) {
  std::vector<FriBidiChar> u;
  if (!DecodeUtf8(logical, u)) return std::string(logical);
  std::string out;
  out.reserve(logical.size() + 8);
  std::vector<FriBidiChar> line;
  for (size_t i = 0; i <= u.size(); ++i) {
    if (i == u.size() || u[i] == '\n') {
      ShapeParagraph(line, rtl_base, out);
      line.clear();
      if (i < u.size()) out += '\n';
    } else {
      line.push_back(u[i]);
    }
  }
  return out;
}

const char* Visual(const char* logical) {
  if (!logical) return logical;
  const std::string_view all(logical);
  const size_t id = all.find("##");
  const std::string_view visible = all.substr(0, id);
  // Text with no right-to-left letter (English not translated yet, numbers, names) is drawn
  // as it is, in any language: it reads left to right anyway.
  if (!HasRightToLeft(visible)) return logical;
  const bool rtl = i18n::IsRightToLeft();
  Cache& cache = TheCache();
  if (cache.shaped.count(all)) return logical;
  std::string key(all);
  key += rtl ? '\x01' : '\x02';
  auto it = cache.entries.find(key);
  if (it == cache.entries.end()) {
    std::string shaped = ToVisual(visible, rtl);
    if (id != std::string_view::npos) shaped.append(all.substr(id));
    it = cache.entries.emplace(std::move(key), std::move(shaped)).first;
    cache.shaped.emplace(it->second, std::string(all));
  }
  return it->second.c_str();
}

const char* VisualWrapped(const char* logical, float width, float (*measure)(const char* text)) {
  if (!logical || !HasRightToLeft(logical)) return logical;
  const bool rtl = i18n::IsRightToLeft();
  char tag[32];
  std::snprintf(tag, sizeof tag, "\x03%.0f%c", width, rtl ? 'r' : 'l');
  std::string key = std::string(logical) + tag;
  Cache& cache = TheCache();
  auto it = cache.entries.find(key);
  if (it != cache.entries.end()) return it->second.c_str();
  // Greedy: add words to the line while its shaped form still fits.
  const std::string_view all(logical);
  std::string out, line;
  size_t at = 0;
  while (at <= all.size()) {
    size_t space = all.find(' ', at);
    if (space == std::string_view::npos) space = all.size();
    const std::string_view word = all.substr(at, space - at);
    std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && measure(ToVisual(candidate, rtl).c_str()) > width) {
      out += ToVisual(line, rtl) + "\n";
      line = std::string(word);
    } else {
      line = std::move(candidate);
    }
    at = space + 1;
  }
  out += ToVisual(line, rtl);
  const std::string& done = cache.entries.emplace(std::move(key), std::move(out)).first->second;
  cache.shaped.emplace(done, std::string(logical));
  return done.c_str();
}

void TrimVisualCache(size_t max_entries) {
  if (TheCache().entries.size() > max_entries) {
    TheCache().shaped.clear();
    TheCache().entries.clear();
  }
}

const char* LogicalOf(const char* text) {
  if (!text) return text;
  const Cache& cache = TheCache();
  const auto it = cache.shaped.find(std::string_view(text));
  return it == cache.shaped.end() ? text : it->second.c_str();
}

size_t VisualCacheSize() { return TheCache().entries.size(); }

}  // namespace graphony::editor::text
