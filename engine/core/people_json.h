// One person's JSON, as score.json stores it, for other files that hold people (course.json).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/score.h"

namespace graphony {

// The same fields and order as a score's "contributors" entries (docs/score-format.md).
nlohmann::ordered_json PersonToJson(const Contributor& person);
// Strict, as a score's contributors are read; `where` and `path` prefix errors
// ("course.json: people[2].consent[0]: unknown purpose ...").
Contributor PersonFromJson(const nlohmann::json& j, const std::string& where,
                           const std::string& path);

}  // namespace graphony
