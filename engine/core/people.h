// People in a score: consent purposes, dates, and the edits the CLI and the editor share
// (add, find, rename, remove, import), so both follow one set of rules.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

// What a person's recordings may be used for; each has its own tick (Consent's fields).
enum class Purpose { kGroup, kExhibition, kPublicity, kResearch };
inline constexpr std::array<Purpose, 4> kPurposes = {Purpose::kGroup, Purpose::kExhibition,
                                                     Purpose::kPublicity, Purpose::kResearch};

const char* PurposeName(Purpose purpose);   // "group", "exhibition", "publicity", "research"
const char* PurposeLabel(Purpose purpose);  // "Within the group", ... (N_: _() where shown)
std::optional<Purpose> ParsePurpose(const std::string& name);
std::string PurposeNameList();  // "group, exhibition, publicity, research"
bool Agrees(const Consent& consent, Purpose purpose);
void SetAgrees(Consent& consent, Purpose purpose, bool yes);

// A real calendar date written YYYY-MM-DD (2027-02-30 is refused).
bool IsIsoDate(const std::string& text);
// Today's local date, YYYY-MM-DD.
std::string TodayIsoDate();
// "2026-12-02" -> "2 December 2026" (the text unchanged if it is not an ISO date).
std::string DateInWords(const std::string& iso_date);

// "Ana María López" -> "A.M.L."; "" for a name without letters.
std::string InitialsFor(const std::string& name);

// The person with this id, else the one with this name (case-insensitive). Throws ScoreError
// `where: ...` when nobody matches or two people share the name.
Contributor& FindPerson(Score& score, const std::string& name_or_id, const std::string& where);
const Contributor* PersonById(const Score& score, const std::string& id);

// Adds a person with a fresh id ("c1", "c2"...) and initials from the name unless given.
// Throws ScoreError when the name is empty or someone in the score already has it.
Contributor& AddPerson(Score& score, const std::string& name, const std::string& where);
// Renames (initials follow the name when they were the automatic ones). Throws as AddPerson.
void RenamePerson(Score& score, const std::string& id, const std::string& new_name,
                  const std::string& where);
// Removes a person: their strokes keep playing but no longer name them, and they leave
// the takes they played in.
void RemovePerson(Score& score, const std::string& id);
// Adds everyone from `other` whose name is not in `score` yet (a course's group reused
// across its scores); ids are kept where free. Returns how many were added.
int ImportPeople(Score& score, const Score& other);

// A take may be used for a purpose only if it names its players and every one of them
// agreed. Nothing about a take's consent is stored: it is always read from its players.
bool TakeAllowed(const Score& score, const Take& take, Purpose purpose);
// The same for a sampled instrument: its players are the take's when it was made, and their
// consent today decides (a person who withdraws withdraws their voice as an instrument too).
bool SampleAllowed(const Score& score, const SampledInstrument& sample, Purpose purpose);
// The earliest keep-until date among the take's players ("" when none set one).
std::string TakeKeepUntil(const Score& score, const Take& take);
// How players are named on screen and in lists: their name, else their id.
std::string DisplayName(const Contributor& person);

}  // namespace graphony
