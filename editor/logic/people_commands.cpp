// People commands: validate on a copy, then commit as one undoable edit.
#include "logic/people_commands.h"

#include "core/i18n.h"
#include "core/score_io.h"
#include "logic/text_format.h"

namespace graphony::editor {

PeopleResult ApplyPeopleCommand(Document& doc, const PeopleCommand& command) {
  using Kind = PeopleCommand::Kind;
  PeopleResult result;
  Score next = doc.score;  // a refused command leaves the document untouched
  const char* kWhere = _("People");
  try {
    Contributor* person = nullptr;
    if (command.kind != Kind::kAdd && command.kind != Kind::kImport) {
      for (Contributor& c : next.contributors)
        if (c.id == command.id) person = &c;
      if (!person) throw ScoreError(_("That person is no longer in the group."));
      result.id = person->id;
    }
    switch (command.kind) {
      case Kind::kAdd:
        result.id = AddPerson(next, command.text, kWhere).id;
        result.message = Fmt(_("%s joined the group."), command.text.c_str());
        break;
      case Kind::kRename:
        RenamePerson(next, command.id, command.text, kWhere);
        break;
      case Kind::kSetInitials:
        person->initials = command.text;
        break;
      case Kind::kSetCreditByName:
        person->consent.credit_by_name = command.yes;
        break;
      case Kind::kSetConsent:
        SetAgrees(person->consent, command.purpose, command.yes);
        break;
      case Kind::kSetKeepUntil:
        if (!command.text.empty() && !IsIsoDate(command.text))
          throw ScoreError(_("Keep until needs a date like 2027-06-30 (year-month-day)."));
        person->consent.keep_until = command.text;
        break;
      case Kind::kRemove:
        result.message = Fmt(_("%s left the group."), DisplayName(*person).c_str());
        RemovePerson(next, command.id);
        break;
      case Kind::kImport: {
        if (!command.other) throw ScoreError(_("No score to take people from."));
        const int added = ImportPeople(next, *command.other);
        result.message = added == 0
                             ? std::string(_("Everyone there is already in this group."))
                             : Fmt(i18n::TranslatePlural("%d person joined the group.",
                                                         "%d people joined the group.", added),
                                   added);
        break;
      }
    }
  } catch (const ScoreError& e) {
    std::string text = e.what();
    const std::string prefix = std::string(kWhere) + ": ";
    if (text.rfind(prefix, 0) == 0) text = text.substr(prefix.size());
    result.message = text;
    return result;
  }
  result.ok = true;
  if (next == doc.score) return result;
  doc.BeginEdit();
  doc.score.contributors = std::move(next.contributors);
  doc.score.layers = std::move(next.layers);
  doc.score.takes = std::move(next.takes);
  doc.EndEdit();
  return result;
}

}  // namespace graphony::editor
