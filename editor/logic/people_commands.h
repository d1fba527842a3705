// Edits to the group of people that the People panel (and the import) asks for: each one
// is a plain command applied as one undoable step, with the engine's rules (core/people.h).
#pragma once

#include <string>

#include "core/people.h"
#include "logic/document.h"

namespace graphony::editor {

struct PeopleCommand {
  enum class Kind {
    kAdd,              // text = name; the new id is returned through `ApplyPeopleCommand`
    kRename,           // id, text = new name
    kSetInitials,      // id, text
    kSetCreditByName,  // id, yes
    kSetConsent,       // id, purpose, yes
    kSetKeepUntil,     // id, text = YYYY-MM-DD or ""
    kRemove,           // id
    kImport,           // other = the score whose people join this one
  };
  Kind kind = Kind::kAdd;
  std::string id;
  std::string text;
  Purpose purpose = Purpose::kGroup;
  bool yes = false;
  const Score* other = nullptr;
};

struct PeopleResult {
  bool ok = false;
  std::string message;  // one line for the person: what happened, or why nothing did
  std::string id;       // the person added or changed
};

// Applies `command` to doc.score as one undo step; nothing changes when it is refused
// (empty or duplicate name, a date that is not YYYY-MM-DD, an unknown id).
PeopleResult ApplyPeopleCommand(Document& doc, const PeopleCommand& command);

}  // namespace graphony::editor
