// Fill: named placeholders are replaced in any order; unknown ones and lone braces are kept.
#include "core/i18n_fill.h"

#include <doctest/doctest.h>

using graphony::i18n::Fill;

TEST_CASE("Fill replaces named placeholders wherever the translation puts them") {
  CHECK(Fill("{file}: {problem}", {{"file", "a.graphony"}, {"problem", "empty"}}) ==
        "a.graphony: empty");
  CHECK(Fill("{problem} — {file}", {{"file", "a.graphony"}, {"problem", "empty"}}) ==
        "empty — a.graphony");
  CHECK(Fill("{n} and {n}", {{"n", "7"}}) == "7 and 7");
}

TEST_CASE("Fill keeps what is not a known placeholder") {
  CHECK(Fill("{fiel} is bad", {{"file", "x"}}) == "{fiel} is bad");
  CHECK(Fill("a { b", {{"b", "x"}}) == "a { b");
  CHECK(Fill("{{file}}", {{"file", "x"}}) == "{x}");
  CHECK(Fill("{file", {{"file", "x"}}) == "{file");
  // A value holding braces is not filled again.
  CHECK(Fill("{a}{b}", {{"a", "{b}"}, {"b", "2"}}) == "{b}2");
}
