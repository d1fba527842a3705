// ToVisual / Visual with known Arabic words: joined forms (Presentation Forms-B) and the
// right-to-left order, mixed with Latin, digits and ImGui IDs.
#include "text/bidi_text.h"

#include <doctest/doctest.h>

#include <string>

#include "core/i18n.h"

using graphony::editor::text::HasRightToLeft;
using graphony::editor::text::ToVisual;
using graphony::editor::text::Visual;

namespace {

// UTF-8 of a sequence of code points, so the expected forms are written by number.
std::string U(std::initializer_list<char32_t> cps) {
  std::string s;
  for (char32_t c : cps) {
    if (c < 0x80) {
      s += static_cast<char>(c);
    } else if (c < 0x800) {
      s += static_cast<char>(0xC0 | (c >> 6));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return s;
}

}  // namespace

TEST_CASE("kitab (book): initial, medial, final, isolated forms, drawn right to left") {
  // ك ت ا ب: kaf initial, teh medial, alef final; beh after alef cannot join: isolated.
  const std::string logical = U({0x0643, 0x062A, 0x0627, 0x0628});
  // Visual order is the reverse: beh leftmost, kaf rightmost.
  CHECK(ToVisual(logical, true) == U({0xFE8F, 0xFE8E, 0xFE98, 0xFEDB}));
  // The paragraph direction follows the first strong letter when none is asked for.
  CHECK(ToVisual(logical, false) == U({0xFE8F, 0xFE8E, 0xFE98, 0xFEDB}));
}

TEST_CASE("al-arabiya: the picker's own name of Arabic") {
  // ا ل ع ر ب ي ة
  const std::string logical = "العربية";
  CHECK(logical == U({0x0627, 0x0644, 0x0639, 0x0631, 0x0628, 0x064A, 0x0629}));
  // alef isolated, lam initial, ain medial, reh final (reh never joins left), beh initial,
  // yeh medial, teh marbuta final; reversed.
  CHECK(ToVisual(logical, true) == U({0xFE94, 0xFEF4, 0xFE91, 0xFEAE, 0xFECC, 0xFEDF, 0xFE8D}));
}

TEST_CASE("salam: lam and alef become one ligature") {
  // س ل ا م: seen initial, lam+alef -> the final lam-alef ligature, meem isolated.
  const std::string logical = U({0x0633, 0x0644, 0x0627, 0x0645});
  CHECK(ToVisual(logical, true) == U({0xFEE1, 0xFEFC, 0xFEB3}));
}

TEST_CASE("Latin inside Arabic keeps its own order; the Arabic runs are reversed") {
  // "ملف MIDI" (a MIDI file) in a right-to-left paragraph: MIDI at the left.
  const std::string logical = U({0x0645, 0x0644, 0x0641}) + " MIDI";
  CHECK(ToVisual(logical, true) == "MIDI " + U({0xFED2, 0xFEE0, 0xFEE3}));
  // Digits read left to right inside Arabic too: "صفحة 12" (page 12) -> "12 ", then the word
  // (sad initial, feh and hah medial, teh marbuta final).
  const std::string page = U({0x0635, 0x0641, 0x062D, 0x0629}) + " 12";
  CHECK(ToVisual(page, true) == "12 " + U({0xFE94, 0xFEA4, 0xFED4, 0xFEBB}));
}

TEST_CASE("each line is its own paragraph") {
  const std::string two = U({0x0643, 0x062A, 0x0627, 0x0628}) + "\n" + "Play";
  CHECK(ToVisual(two, true) == U({0xFE8F, 0xFE8E, 0xFE98, 0xFEDB}) + "\nPlay");
}

TEST_CASE("text without right-to-left letters and broken UTF-8 are left alone") {
  CHECK_FALSE(HasRightToLeft("Play (again) 12"));
  CHECK_FALSE(HasRightToLeft("中文 Polski Română"));
  CHECK(HasRightToLeft("العربية"));
  const char* play = "Play##play";
  CHECK(Visual(play) == play);  // the same pointer: no copy, no cache entry
  const std::string broken = "ab\xC3";
  CHECK(ToVisual(broken, true) == broken);
}

TEST_CASE("Visual keeps the ImGui ID and caches by content") {
  graphony::i18n::SetLanguage("ar");
  const std::string label = U({0x0643, 0x062A, 0x0627, 0x0628}) + "##book";
  const char* a = Visual(label.c_str());
  CHECK(std::string(a) == U({0xFE8F, 0xFE8E, 0xFE98, 0xFEDB}) + "##book");
  const std::string copy = label;  // another buffer with the same text: the cached result
  CHECK(Visual(copy.c_str()) == a);
  graphony::i18n::SetLanguage("");
}

TEST_CASE("wrapped Arabic keeps its lines in reading order") {
  graphony::i18n::SetLanguage("ar");
  const std::string kitab = U({0x0643, 0x062A, 0x0627, 0x0628});
  const std::string salam = U({0x0633, 0x0644, 0x0627, 0x0645});
  const std::string both = kitab + " " + salam;
  // 10 px a code point: one word (3 or 4 code points once joined) fits in 45 px, two do not.
  auto measure = [](const char* t) {
    float w = 0;
    for (const char* p = t; *p; ++p) w += (static_cast<unsigned char>(*p) & 0xC0) != 0x80 ? 10 : 0;
    return w;
  };
  // The first word read is on the first line (shaping the whole first would put it last).
  CHECK(std::string(graphony::editor::text::VisualWrapped(both.c_str(), 45, measure)) ==
        ToVisual(kitab, true) + "\n" + ToVisual(salam, true));
  CHECK(std::string(graphony::editor::text::VisualWrapped(both.c_str(), 200, measure)) ==
        ToVisual(both, true));
  graphony::i18n::SetLanguage("");
}

TEST_CASE("shaped text can be traced back to its logical order, so it can be wrapped") {
  graphony::i18n::SetLanguage("ar");
  const std::string kitab = U({0x0643, 0x062A, 0x0627, 0x0628});
  const std::string salam = U({0x0633, 0x0644, 0x0627, 0x0645});
  const std::string both = kitab + " " + salam;
  const char* shaped = Visual(both.c_str());
  REQUIRE(std::string(shaped) != both);  // it really was reordered and joined
  CHECK(std::string(graphony::editor::text::LogicalOf(shaped)) == both);
  // Wrapping what LogicalOf gives back puts the first word read on the first line.
  auto measure = [](const char* t) {
    float w = 0;
    for (const char* p = t; *p; ++p) w += (static_cast<unsigned char>(*p) & 0xC0) != 0x80 ? 10 : 0;
    return w;
  };
  CHECK(std::string(graphony::editor::text::VisualWrapped(graphony::editor::text::LogicalOf(shaped),
                                                          45, measure)) ==
        ToVisual(kitab, true) + "\n" + ToVisual(salam, true));
  // Text that was never shaped comes back as it is.
  const std::string latin = "Play";
  CHECK(graphony::editor::text::LogicalOf(latin.c_str()) == latin.c_str());
  graphony::i18n::SetLanguage("");
}
