// A small argument reader shared by every graphony-cli subcommand.
#pragma once

#include <cstdarg>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/i18n_fill.h"

namespace graphony::cli {

using i18n::Fill;

// Thrown for usage mistakes: the CLI prints the message and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
  // "COMMAND: MESSAGE"; the message comes translated, the command's name never is.
  UsageError(const std::string& command, const std::string& message)
      : std::runtime_error(command + ": " + message) {}
};

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // bad input or failure, one-line message on stderr
inline constexpr int kExitUsage = 2;

// Options are "--name value" or "--name=value"; flags are "--name"; the rest are positionals.
class Args {
 public:
  Args(std::string command, std::vector<std::string> words)
      : command_(std::move(command)), words_(std::move(words)) {}

  // True if --help / -h was given.
  bool WantsHelp() const {
    for (const auto& w : words_)
      if (w == "--help" || w == "-h") return true;
    return false;
  }
  // Removes and returns a flag.
  bool Flag(const std::string& name) {
    for (size_t i = 0; i < words_.size(); ++i)
      if (words_[i] == name) {
        words_.erase(words_.begin() + static_cast<long>(i));
        return true;
      }
    return false;
  }
  // Removes and returns the value of an option given once (the last one wins).
  std::optional<std::string> Option(const std::string& name) {
    std::optional<std::string> value;
    for (auto& v : Options(name)) value = v;
    return value;
  }
  // Removes and returns every value of a repeatable option.
  std::vector<std::string> Options(const std::string& name) {
    std::vector<std::string> values;
    for (size_t i = 0; i < words_.size();) {
      if (words_[i] == name) {
        if (i + 1 >= words_.size())
          throw UsageError(command_, Fill(_("{option} needs a value"), {{"option", name}}));
        values.push_back(words_[i + 1]);
        words_.erase(words_.begin() + static_cast<long>(i),
                     words_.begin() + static_cast<long>(i) + 2);
      } else if (words_[i].rfind(name + "=", 0) == 0) {
        values.push_back(words_[i].substr(name.size() + 1));
        words_.erase(words_.begin() + static_cast<long>(i));
      } else {
        ++i;
      }
    }
    return values;
  }
  // What is left once options were taken; an unknown "--x" is a usage error.
  std::vector<std::string> Positionals() const {
    for (const auto& w : words_)
      if (w.size() > 1 && w[0] == '-' && w != "-")
        throw UsageError(command_,
                         Fill(_("unknown option {option} (see --help)"), {{"option", w}}));
    return words_;
  }
  const std::string& Command() const { return command_; }
  // The first word as given (a subcommand's action, read before its options are taken).
  std::string FirstWord() const { return words_.empty() ? std::string() : words_.front(); }

 private:
  std::string command_;
  std::vector<std::string> words_;
};

// "1 part" / "3 parts" in the user's language: `singular` and `plural` hold {n}, the count
// (xgettext --keyword=Plural:1,2 extracts them as one message with its plural forms).
inline std::string Plural(const char* singular, const char* plural, unsigned long n) {
  return Fill(i18n::TranslatePlural(singular, plural, n), {{"n", std::to_string(n)}});
}

// printf into a string, for the numbers and padding that go into a Fill() value.
inline std::string Sprintf(const char* format, ...) __attribute__((format(printf, 1, 2)));
inline std::string Sprintf(const char* format, ...) {
  char text[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  return text;
}

// Parses a number option or throws UsageError naming the option.
double ParseNumber(const std::string& option, const std::string& text);

}  // namespace graphony::cli
