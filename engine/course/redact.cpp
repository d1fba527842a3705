// Name redaction shared by share (per purpose) and the portfolio (the print rule).
#include "course/redact.h"

#include <cctype>

namespace graphony {

namespace {

bool WordChar(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::string ReplaceWord(const std::string& text, const std::string& word, const std::string& with) {
  if (word.empty()) return text;
  std::string out;
  size_t at = 0;
  for (;;) {
    const size_t hit = text.find(word, at);
    if (hit == std::string::npos) break;
    const bool starts = hit == 0 || !WordChar(static_cast<unsigned char>(text[hit - 1]));
    const size_t end = hit + word.size();
    const bool ends = end >= text.size() || !WordChar(static_cast<unsigned char>(text[end]));
    out.append(text, at, hit - at);
    out += starts && ends ? with : word;
    at = end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

}  // namespace

std::string StandInName(const Contributor& person) {
  return person.initials.empty() ? "participant" : person.initials;
}

std::string RedactNames(const std::string& text, const std::vector<Contributor>& people,
                        const MayBeNamed& may_be_named) {
  std::string out = text;
  for (const Contributor& c : people) {
    if (c.name.empty() || may_be_named(c)) continue;
    out = ReplaceWord(out, c.name, StandInName(c));
  }
  // First names after every full name, so "Ana López" became "A.L." before "Ana" alone is seen.
  for (const Contributor& c : people) {
    if (c.name.empty() || may_be_named(c)) continue;
    const std::string first = c.name.substr(0, c.name.find(' '));
    if (first.size() >= 3 && first != c.name) out = ReplaceWord(out, first, StandInName(c));
  }
  return out;
}

std::string RedactFileName(const std::string& name, const std::vector<Contributor>& people,
                           const MayBeNamed& may_be_named) {
  auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  std::string out = name;
  for (const Contributor& c : people) {
    if (c.name.empty() || may_be_named(c)) continue;
    std::string stand_in;
    for (char ch : lower(c.initials))
      if (std::isalnum(static_cast<unsigned char>(ch))) stand_in += ch;
    if (stand_in.empty()) stand_in = "participant";
    size_t start = 0;
    while (start < c.name.size()) {
      size_t end = c.name.find(' ', start);
      if (end == std::string::npos) end = c.name.size();
      const std::string word = lower(c.name.substr(start, end - start));
      start = end + 1;
      if (word.size() < 3) continue;
      std::string folded = lower(out), next;
      size_t at = 0;
      for (size_t hit; (hit = folded.find(word, at)) != std::string::npos; at = hit + word.size()) {
        const bool starts = hit == 0 || !WordChar(static_cast<unsigned char>(folded[hit - 1]));
        const size_t e = hit + word.size();
        const bool ends = e >= folded.size() || !WordChar(static_cast<unsigned char>(folded[e]));
        next.append(out, at, hit - at);
        next += starts && ends ? stand_in : out.substr(hit, word.size());
      }
      next.append(out, at, std::string::npos);
      out = next;
    }
  }
  return out;
}

void RedactScore(Score& score, const MayBeNamed& may_be_named) {
  const std::vector<Contributor> people = score.contributors;
  auto redact = [&](std::string& text) { text = RedactNames(text, people, may_be_named); };
  redact(score.title);
  for (Layer& layer : score.layers) redact(layer.name);
  for (SectionMarker& s : score.sections) redact(s.label);
  for (Take& t : score.takes) redact(t.name);
  for (Contributor& c : score.contributors)
    if (!c.name.empty() && !may_be_named(c)) c.name = StandInName(c);
}

}  // namespace graphony
