// graphony-cli events: what the picture became, one row per interpreted note (table or CSV).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "core/pitch.h"
#include "core/score_io.h"
#include "interpret/interpret.h"
#include "roll_png.h"

namespace graphony::cli {

namespace {

// Numbers as people write them: up to 4 decimals, no trailing zeros ("1", "0.5", "61.25").
std::string Number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.4f", value);
  std::string s = text;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

// RFC 4180 quoting, only when needed.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct Row {
  std::vector<std::string> cells;
};

const char* const kHeader[] = {
    "start_beat", "duration_beat",   "pitch", "velocity",        "instrument",
    "layer",      "quantised_pitch", "note",  "instrument_name", "contributor",
    "sounding",   "gesture",         "pan"};

std::vector<Row> NoteRows(const Events& events, const Mapping& mapping) {
  const bool flats = KeyPrefersFlats(mapping);
  std::vector<Row> rows;
  for (const NoteEvent& n : events.notes) {
    const bool known =
        n.instrument >= 0 && n.instrument < static_cast<int>(events.instruments.size());
    rows.push_back(
        Row{{Number(n.start_beat), Number(n.duration_beats), Number(n.pitch), Number(n.velocity),
             std::to_string(n.instrument), std::to_string(n.layer),
             std::to_string(n.quantised_pitch), NoteName(n.quantised_pitch, flats),
             known ? events.instruments[static_cast<size_t>(n.instrument)].display_name : "?",
             n.contributor, n.sounding ? "yes" : "no", std::to_string(n.gesture), Number(n.pan)}});
  }
  return rows;
}

void PrintCsv(const std::vector<Row>& rows) {
  std::string line;
  for (const char* h : kHeader) line += std::string(line.empty() ? "" : ",") + h;
  std::printf("%s\n", line.c_str());
  for (const Row& row : rows) {
    line.clear();
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (i) line += ',';
      line += CsvField(row.cells[i]);
    }
    std::printf("%s\n", line.c_str());
  }
}

void PrintTable(const std::vector<Row>& rows, const Events& events) {
  constexpr size_t kColumns = sizeof kHeader / sizeof kHeader[0];
  std::vector<size_t> width(kColumns);
  for (size_t i = 0; i < kColumns; ++i) width[i] = std::string(kHeader[i]).size();
  for (const Row& row : rows)
    for (size_t i = 0; i < kColumns; ++i) width[i] = std::max(width[i], row.cells[i].size());
  auto print_line = [&](auto cell) {
    std::string line;
    for (size_t i = 0; i < kColumns; ++i) {
      std::string text = cell(i);
      text.resize(width[i], ' ');
      line += (i ? "  " : "") + text;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::printf("%s\n", line.c_str());
  };
  print_line([&](size_t i) { return std::string(kHeader[i]); });
  for (const Row& row : rows) print_line([&](size_t i) { return row.cells[i]; });
  size_t partials = 0;
  for (const PartialBank& b : events.banks) partials += b.rows.size();
  const auto sounding = std::count_if(events.notes.begin(), events.notes.end(),
                                      [](const NoteEvent& n) { return n.sounding; });
  std::printf("\n%s\n",
              Fill(_("{notes} notes ({sounding} sounding), {gestures} gestures, {banks} scan banks "
                     "with {partials} partials, {beats} beats"),
                   {{"notes", std::to_string(events.notes.size())},
                    {"sounding", std::to_string(sounding)},
                    {"gestures", std::to_string(events.gestures.size())},
                    {"banks", std::to_string(events.banks.size())},
                    {"partials", std::to_string(partials)},
                    {"beats", Number(events.length_beats)}})
                  .c_str());
}

int RunEvents(Args& args) {
  const bool csv = args.Flag("--csv");
  const auto png = args.Option("--png");
  const auto files = args.Positionals();
  if (files.size() != 1) throw UsageError("events", _("give exactly one score file (see --help)"));
  const Score score = LoadScore(files[0]);
  const Events events = Interpret(score);
  const std::vector<Row> rows = NoteRows(events, SanitisedMapping(score.mapping));
  if (png) {
    WriteRollPng(score, events, *png);
    std::printf(
        "%s: %s\n", png->c_str(),
        Fill(_("{n} notes drawn over the picture"), {{"n", std::to_string(events.notes.size())}})
            .c_str());
    return kExitOk;
  }
  if (csv)
    PrintCsv(rows);
  else
    PrintTable(rows, events);
  return kExitOk;
}

}  // namespace

const Command kEventsCommand = {
    "events", N_("list the notes a score's pictures and strokes become"),
    N_("usage: graphony-cli events FILE [--csv | --png ROLL.png]\n\n"
       "Interprets the score exactly as playback, export and printing do, and prints one row\n"
       "per note, sorted by start: start_beat, duration_beat, pitch (MIDI number as heard),\n"
       "velocity (0..1), instrument (palette index), layer (index), quantised_pitch and note\n"
       "(as printed), instrument_name, contributor, sounding (\"no\" for the printable shadow\n"
       "of a stroke, which is heard as a glide), gesture (its stroke part, or -1) and pan.\n"
       "Without --csv the rows form an aligned table followed by a one-line summary.\n\n"
       "  --csv    a header row, then comma-separated rows (no summary)\n"
       "  --png F  draw the notes as coloured bars over the picture (time across, pitch up,\n"
       "           louder more opaque) with the palette's legend, into the PNG file F\n\n"
       "Exit status: 0 ok, 1 the file cannot be read, 2 usage error.\n"),
    RunEvents};

}  // namespace graphony::cli
