// Two read-only views of parsed JSON with one interface, so score.json has one reader: simdjson's
// DOM (fast, for every ordinary file) and nlohmann's (its exact error messages, and whatever
// simdjson refuses: nesting deeper than 1024, integers beyond 64 bits, "-0").
#pragma once

#include <simdjson.h>

#include <cmath>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace graphony::json_view {

// nlohmann's value kinds; both views name a value's kind the same way in error messages.
enum class Kind { kNull, kObject, kArray, kString, kBoolean, kNumber, kBinary, kDiscarded };

// Thrown by SimdView where its reading could differ from nlohmann's; the caller reads the file
// again with NlohmannView. nlohmann reads "-0" as the integer 0 and "-0.0" as -0.0; simdjson
// gives -0.0 for both, so a negative zero is left to nlohmann.
struct NeedsNlohmann {};

class NlohmannView {
 public:
  explicit NlohmannView(const nlohmann::json& j) : j_(&j) {}
  Kind Type() const {
    switch (j_->type()) {
      case nlohmann::json::value_t::null:
        return Kind::kNull;
      case nlohmann::json::value_t::object:
        return Kind::kObject;
      case nlohmann::json::value_t::array:
        return Kind::kArray;
      case nlohmann::json::value_t::string:
        return Kind::kString;
      case nlohmann::json::value_t::boolean:
        return Kind::kBoolean;
      case nlohmann::json::value_t::number_integer:
      case nlohmann::json::value_t::number_unsigned:
      case nlohmann::json::value_t::number_float:
        return Kind::kNumber;
      case nlohmann::json::value_t::binary:
        return Kind::kBinary;
      case nlohmann::json::value_t::discarded:
        return Kind::kDiscarded;
    }
    return Kind::kDiscarded;
  }
  double Number() const { return j_->get<double>(); }
  bool Bool() const { return j_->get<bool>(); }
  std::string String() const { return j_->get<std::string>(); }
  size_t Size() const { return j_->size(); }
  // Array items in order: f(index, view).
  template <class F>
  void ForEachItem(F&& f) const {
    size_t i = 0;
    for (const nlohmann::json& v : *j_) f(i++, NlohmannView(v));
  }
  // An object's value for `key` (nlohmann keeps the last of duplicate keys).
  std::optional<NlohmannView> Find(const char* key) const {
    const auto it = j_->find(key);
    if (it == j_->end()) return std::nullopt;
    return NlohmannView(*it);
  }
  // An object's keys (each once; nlohmann's order is sorted).
  template <class F>
  void ForEachKey(F&& f) const {
    for (auto it = j_->begin(); it != j_->end(); ++it) f(std::string_view(it.key()));
  }

 private:
  const nlohmann::json* j_;
};

class SimdView {
 public:
  explicit SimdView(simdjson::dom::element e) : e_(e) {}
  Kind Type() const {
    switch (e_.type()) {
      case simdjson::dom::element_type::NULL_VALUE:
        return Kind::kNull;
      case simdjson::dom::element_type::OBJECT:
        return Kind::kObject;
      case simdjson::dom::element_type::ARRAY:
        return Kind::kArray;
      case simdjson::dom::element_type::STRING:
        return Kind::kString;
      case simdjson::dom::element_type::BOOL:
        return Kind::kBoolean;
      case simdjson::dom::element_type::INT64:
      case simdjson::dom::element_type::UINT64:
      case simdjson::dom::element_type::DOUBLE:
        return Kind::kNumber;
    }
    throw NeedsNlohmann{};  // a kind this version of the reader does not know
  }
  double Number() const {
    // Integers convert as nlohmann's get<double>() converts them (static_cast).
    const double d = e_.get_double().value_unsafe();
    if (d == 0 && std::signbit(d)) throw NeedsNlohmann{};
    return d;
  }
  bool Bool() const { return e_.get_bool().value_unsafe(); }
  std::string String() const { return std::string(e_.get_string().value_unsafe()); }
  size_t Size() const { return Array().size(); }
  template <class F>
  void ForEachItem(F&& f) const {
    size_t i = 0;
    for (simdjson::dom::element v : Array()) f(i++, SimdView(v));
  }
  // As nlohmann: the last of duplicate keys wins.
  std::optional<SimdView> Find(const char* key) const {
    const std::string_view want(key);
    std::optional<SimdView> found;
    for (const simdjson::dom::key_value_pair field : Object())
      if (field.key == want) found = SimdView(field.value);
    return found;
  }
  // Keys in document order, duplicates repeated (callers must not depend on the order).
  template <class F>
  void ForEachKey(F&& f) const {
    for (const simdjson::dom::key_value_pair field : Object()) f(field.key);
  }

 private:
  // Copies (a tape pointer and an index): the result objects they come from are temporaries.
  simdjson::dom::array Array() const {
    simdjson::dom::array a;
    if (e_.get_array().get(a) != simdjson::SUCCESS) throw NeedsNlohmann{};
    return a;
  }
  simdjson::dom::object Object() const {
    simdjson::dom::object o;
    if (e_.get_object().get(o) != simdjson::SUCCESS) throw NeedsNlohmann{};
    return o;
  }
  simdjson::dom::element e_;
};

}  // namespace graphony::json_view
