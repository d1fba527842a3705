// i18n::Fill: named placeholders a translator may reorder, filled once, typos left visible.
#include "core/i18n_fill.h"

#include <doctest/doctest.h>

using graphony::i18n::Fill;

TEST_CASE("Fill puts each value where the translation places it") {
  CHECK(Fill("Music by {names}", {{"names", "Ana and Bo"}}) == "Music by Ana and Bo");
  // A translation that reverses the order of two values.
  CHECK(Fill("{high} is the highest, {low} the lowest", {{"low", "C4"}, {"high", "G5"}}) ==
        "G5 is the highest, C4 the lowest");
  CHECK(Fill("{n} / {n}", {{"n", "3"}}) == "3 / 3");
  CHECK(Fill("音乐：{names}", {{"names", "安娜"}}) == "音乐：安娜");
}

TEST_CASE("Fill does not fill a value's own braces, keeps unknown placeholders, unescapes") {
  CHECK(Fill("by {names}", {{"names", "{names}"}}) == "by {names}");
  CHECK(Fill("by {nmaes}", {{"names", "Ana"}}) == "by {nmaes}");
  CHECK(Fill("a {{literal}} and {x}", {{"x", "1"}}) == "a {literal} and 1");
  CHECK(Fill("unclosed {names", {{"names", "Ana"}}) == "unclosed {names");
  CHECK(Fill("", {}) == "");
}
