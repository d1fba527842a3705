// The person options `people add|set` and `course add-person|set-person` share
// (--initials, --credit-by-name, --consent, --keep-until, --role), one parser for both.
#pragma once

#include <optional>
#include <string>

#include "cli_args.h"
#include "core/score.h"

namespace graphony::cli {

// Bad values are bad input (exit 1) naming the file.
struct PersonOptions {
  std::optional<std::string> initials, credit, consent, keep_until, role;

  void Take(Args& args);  // removes the options from args
  bool Any() const { return initials || credit || consent || keep_until || role; }
  void ApplyTo(Contributor& c, const std::string& where) const;
};

}  // namespace graphony::cli
