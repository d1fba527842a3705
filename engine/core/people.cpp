// People in a score: consent purposes, dates, and the person edits shared by CLI and editor.
#include "core/people.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

#include "core/i18n.h"
#include "core/score_io.h"
#include "core/score_text.h"

namespace graphony {

namespace {

std::string Lower(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool SameName(const std::string& a, const std::string& b) { return Lower(a) == Lower(b); }

// Trims spaces at both ends: " Ana " and "Ana" are one person.
std::string Trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string FreshId(const Score& score, int start) {
  for (int n = start;; ++n) {
    std::string id = "c";  // += rather than "c" + ...: GCC 12 warns falsely (-Wrestrict)
    id += std::to_string(n);
    if (!PersonById(score, id)) return id;
  }
}

void CheckNewName(const Score& score, const std::string& name, const std::string& skip_id,
                  const std::string& where) {
  if (name.empty()) throw ScoreError(where + ": a person needs a name");
  for (const Contributor& c : score.contributors)
    if (c.id != skip_id && SameName(c.name, name))
      throw ScoreError(where + ": " + QuoteText(name) + " is already in the group (id " + c.id +
                       ")");
}

}  // namespace

const char* PurposeName(Purpose purpose) {
  switch (purpose) {
    case Purpose::kGroup:
      return "group";
    case Purpose::kExhibition:
      return "exhibition";
    case Purpose::kPublicity:
      return "publicity";
    case Purpose::kResearch:
      return "research";
  }
  return "group";
}

const char* PurposeLabel(Purpose purpose) {
  switch (purpose) {
    case Purpose::kGroup:
      return N_("Within the group");
    case Purpose::kExhibition:
      return N_("Exhibition or concert");
    case Purpose::kPublicity:
      return N_("Publicity");
    case Purpose::kResearch:
      return N_("Research");
  }
  return "";
}

std::optional<Purpose> ParsePurpose(const std::string& name) {
  for (Purpose p : kPurposes)
    if (name == PurposeName(p)) return p;
  return std::nullopt;
}

std::string PurposeNameList() {
  std::string out;
  for (Purpose p : kPurposes) out.append(out.empty() ? "" : ", ").append(PurposeName(p));
  return out;
}

bool Agrees(const Consent& consent, Purpose purpose) {
  switch (purpose) {
    case Purpose::kGroup:
      return consent.group;
    case Purpose::kExhibition:
      return consent.exhibition;
    case Purpose::kPublicity:
      return consent.publicity;
    case Purpose::kResearch:
      return consent.research;
  }
  return false;
}

void SetAgrees(Consent& consent, Purpose purpose, bool yes) {
  switch (purpose) {
    case Purpose::kGroup:
      consent.group = yes;
      break;
    case Purpose::kExhibition:
      consent.exhibition = yes;
      break;
    case Purpose::kPublicity:
      consent.publicity = yes;
      break;
    case Purpose::kResearch:
      consent.research = yes;
      break;
  }
}

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  const int year = std::stoi(text.substr(0, 4));
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string TodayIsoDate() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string DateInWords(const std::string& iso_date) {
  if (!IsIsoDate(iso_date)) return iso_date;
  static constexpr const char* kMonths[] = {N_("January"), N_("February"), N_("March"),
                                            N_("April"),   N_("May"),      N_("June"),
                                            N_("July"),    N_("August"),   N_("September"),
                                            N_("October"), N_("November"), N_("December")};
  const int year = std::stoi(iso_date.substr(0, 4));
  const int month = std::stoi(iso_date.substr(5, 2));
  const int day = std::stoi(iso_date.substr(8, 2));
  // TRANSLATORS: a date: %1$d is the day, %2$s the month's name, %3$d the year. Reorder
  // them as your language writes dates (Chinese: "%3$d年%2$s%1$d日").
  const char* format = _("%1$d %2$s %3$d");
  char out[160];
  std::snprintf(out, sizeof out, format, day, _(kMonths[month - 1]), year);
  return out;
}

std::string InitialsFor(const std::string& name) {
  std::string out;
  bool word_start = true;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '-' || c == '\t') {
      word_start = true;
      continue;
    }
    if (!word_start) continue;
    word_start = false;
    if (c < 0x80) {
      if (!std::isalpha(c)) continue;
      out += static_cast<char>(std::toupper(c));
    } else {  // a UTF-8 letter (É, Ł...): keep its whole sequence
      size_t len = (c >= 0xf0) ? 4 : (c >= 0xe0) ? 3 : 2;
      out += name.substr(i, len);
      i += len - 1;
    }
    out += '.';
  }
  return out;
}

const Contributor* PersonById(const Score& score, const std::string& id) {
  for (const Contributor& c : score.contributors)
    if (c.id == id) return &c;
  return nullptr;
}

Contributor& FindPerson(Score& score, const std::string& name_or_id, const std::string& where) {
  for (Contributor& c : score.contributors)
    if (c.id == name_or_id) return c;
  const std::string wanted = Trimmed(name_or_id);
  // The whole name first; then a first name alone ("Ana" for "Ana López") when only one
  // person has it.
  for (int pass = 0; pass < 2; ++pass) {
    Contributor* found = nullptr;
    for (Contributor& c : score.contributors) {
      const std::string key = pass == 0 ? c.name : c.name.substr(0, c.name.find(' '));
      if (!SameName(key, wanted)) continue;
      if (found)
        throw ScoreError(where + ": two people are called " + QuoteText(wanted) +
                         " (use the id: " + found->id + " or " + c.id + ")");
      found = &c;
    }
    if (found) return *found;
  }
  throw ScoreError(where + ": nobody called " + QuoteText(wanted) + " is in the group");
}

Contributor& AddPerson(Score& score, const std::string& name, const std::string& where) {
  const std::string clean = Trimmed(name);
  CheckNewName(score, clean, {}, where);
  Contributor person;
  person.id = FreshId(score, static_cast<int>(score.contributors.size()) + 1);
  person.name = clean;
  person.initials = InitialsFor(clean);
  score.contributors.push_back(person);
  return score.contributors.back();
}

void RenamePerson(Score& score, const std::string& id, const std::string& new_name,
                  const std::string& where) {
  const std::string clean = Trimmed(new_name);
  CheckNewName(score, clean, id, where);
  for (Contributor& c : score.contributors)
    if (c.id == id) {
      if (c.initials.empty() || c.initials == InitialsFor(c.name)) c.initials = InitialsFor(clean);
      c.name = clean;
    }
}

void RemovePerson(Score& score, const std::string& id) {
  auto& people = score.contributors;
  people.erase(std::remove_if(people.begin(), people.end(),
                              [&](const Contributor& c) { return c.id == id; }),
               people.end());
  for (Layer& layer : score.layers)
    for (Stroke& s : layer.strokes.strokes)
      if (s.contributor == id) s.contributor.clear();
  for (Take& t : score.takes)
    t.players.erase(std::remove(t.players.begin(), t.players.end(), id), t.players.end());
  for (SampledInstrument& si : score.sampled_instruments)
    si.players.erase(std::remove(si.players.begin(), si.players.end(), id), si.players.end());
}

int ImportPeople(Score& score, const Score& other) {
  int added = 0;
  for (const Contributor& c : other.contributors) {
    const bool known = std::any_of(
        score.contributors.begin(), score.contributors.end(), [&](const Contributor& mine) {
          return !c.name.empty() ? SameName(mine.name, c.name) : mine.id == c.id;
        });
    if (known) continue;
    Contributor copy = c;
    if (copy.id.empty() || PersonById(score, copy.id))
      copy.id = FreshId(score, static_cast<int>(score.contributors.size()) + 1);
    score.contributors.push_back(copy);
    ++added;
  }
  return added;
}

namespace {
bool AllAgree(const Score& score, const std::vector<std::string>& players, Purpose purpose) {
  if (players.empty()) return false;
  for (const std::string& id : players) {
    const Contributor* c = PersonById(score, id);
    if (!c || !Agrees(c->consent, purpose)) return false;
  }
  return true;
}
}  // namespace

bool TakeAllowed(const Score& score, const Take& take, Purpose purpose) {
  return AllAgree(score, take.players, purpose);
}

bool SampleAllowed(const Score& score, const SampledInstrument& sample, Purpose purpose) {
  return AllAgree(score, sample.players, purpose);
}

std::string TakeKeepUntil(const Score& score, const Take& take) {
  std::string earliest;
  for (const std::string& id : take.players)
    if (const Contributor* c = PersonById(score, id))
      if (!c->consent.keep_until.empty() && (earliest.empty() || c->consent.keep_until < earliest))
        earliest = c->consent.keep_until;
  return earliest;
}

std::string DisplayName(const Contributor& person) {
  return person.name.empty() ? person.id : person.name;
}

}  // namespace graphony
