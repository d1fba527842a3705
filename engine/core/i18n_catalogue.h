// One language's compiled catalogue (.mo), read by us rather than by gettext, so one thread
// (a print job) can translate into the score's language while the editor's UI thread goes on
// in its own: gettext itself follows the process-wide LANGUAGE.
#pragma once

#include <string>
#include <unordered_map>

namespace graphony::i18n {

class Catalogue {
 public:
  // Reads a GNU .mo file; false (and an empty catalogue) if it is missing or malformed.
  bool Load(const std::string& path);

  // The translation of msgid, or msgid itself when there is none.
  const char* Find(const char* msgid) const;
  // The plural form for n by the catalogue's Plural-Forms rule (English rule without one).
  const char* FindPlural(const char* singular, const char* plural, unsigned long n) const;

  size_t size() const { return messages_.size(); }

 private:
  std::unordered_map<std::string, std::string> messages_;  // singular -> forms, '\0'-separated
  std::string plural_rule_ = "n != 1";
  unsigned long plural_count_ = 2;
};

// Evaluates a Plural-Forms expression ("n%10==1 && n%100!=11 ? 0 : 1") for n, as gettext
// does (C operators and precedence). -1 for an expression it cannot read.
long EvaluatePluralRule(const std::string& rule, unsigned long n);

}  // namespace graphony::i18n
