// graphony-cli new: turns artworks (PNG, JPEG) into a new score in one line.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "commands.h"
#include "core/file_io.h"
#include "core/image_decode.h"
#include "core/instrument_traits.h"
#include "core/limits.h"
#include "core/people.h"
#include "core/pitch.h"
#include "core/score_defaults.h"
#include "core/score_io.h"
#include "core/score_text.h"
#include "course/course.h"
#include "interpret/picture_palette.h"

namespace graphony::cli {

namespace {

// "C4" (note) or "440Hz" (frequency) -> MIDI number.
double ParsePitchOption(const std::string& option, const std::string& text, bool allow_hz) {
  if (auto midi = ParseNoteName(text)) return *midi;
  if (allow_hz)
    if (auto midi = ParseFrequency(text)) return *midi;
  throw UsageError(
      "new", Fill(allow_hz ? _("{option} expects a note name like C4 or F#3 or a "
                               "frequency like 220Hz (got \"{value}\")")
                           : _("{option} expects a note name like C4 or F#3 (got \"{value}\")"),
                  {{"option", option}, {"value", text}}));
}

// A bundle entry name for an image: its file name with anything unusual replaced.
std::string EntryNameFor(const std::filesystem::path& file, std::set<std::string>& used) {
  std::string stem, ext = file.extension().string();
  for (char c : file.stem().string()) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
    stem += plain ? c : '_';
  }
  if (stem.empty()) stem = "image";
  for (char& c : ext)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'))
      c = '_';
  std::string name = "images/" + stem + ext;
  for (int i = 2; used.count(name); ++i) name = "images/" + stem + "-" + std::to_string(i) + ext;
  used.insert(name);
  return name;
}

PaletteEntry EntryForInstrument(const std::string& instrument) {
  for (const PaletteEntry& e : DefaultPalette())
    if (e.instrument == instrument) return e;
  // An unknown name is kept: validation reports it with the list of known ones.
  const InstrumentTraits* traits = FindInstrument(instrument);
  return PaletteEntry{Color{0xcc, 0x79, 0xa7, 0xff}, instrument,
                      traits ? std::string(traits->display_name) : instrument, ""};
}

int RunNew(Args& args) {
  const auto images = args.Options("--image");
  const auto title = args.Option("--title");
  const auto tempo = args.Option("--tempo");
  const auto beats = args.Option("--beats");
  const auto meter = args.Option("--meter");
  const auto scale = args.Option("--scale");
  const auto root = args.Option("--root");
  const auto range = args.Option("--range");
  const auto mode = args.Option("--mode");
  const auto rows = args.Option("--rows");
  const auto instrument = args.Option("--instrument");
  const auto palette = args.Option("--palette");
  const auto people = args.Options("--person");
  const auto people_from = args.Option("--people-from");
  const auto date = args.Option("--date");
  const bool force = args.Flag("--force");
  const auto rest = args.Positionals();
  if (rest.size() != 1)
    throw UsageError("new", _("give exactly one output file, e.g. art.graphony (see --help)"));
  const std::filesystem::path out = rest[0];

  Score score = NewScore();
  // A new score is dated the day it is made, and titled after that day until it is named.
  score.date = date ? *date : TodayIsoDate();
  if (!IsIsoDate(score.date))
    throw UsageError("new", Fill(_("--date expects a date like 2026-12-01 (got \"{value}\")"),
                                 {{"value", score.date}}));
  score.title = title ? *title : NewScoreTitle(score.date);
  if (people_from) ImportPeople(score, LoadScore(*people_from));
  // A new score in a course's session folder starts with the course's group.
  GiveCoursePeople(score, out);
  for (const std::string& name : people) AddPerson(score, name, out.string());
  if (tempo) score.tempo_bpm = ParseNumber("--tempo", *tempo);
  if (beats) score.length_beats = ParseNumber("--beats", *beats);
  if (meter) {
    auto m = ParseMeter(*meter);
    if (!m)
      throw UsageError("new", Fill(_("--meter expects a time signature like 4/4 or 3/4 (got "
                                     "\"{value}\")"),
                                   {{"value", *meter}}));
    score.meter = *m;
  }
  if (scale) score.mapping.scale = *scale;
  if (root) score.mapping.root = static_cast<int>(ParsePitchOption("--root", *root, false));
  if (range) {
    const size_t dots = range->find("..");
    if (dots == std::string::npos)
      throw UsageError("new", Fill(_("--range expects LOW..HIGH, e.g. G3..G5 or 55Hz..7040Hz (got "
                                     "\"{value}\")"),
                                   {{"value", *range}}));
    score.mapping.lowest = ParsePitchOption("--range", range->substr(0, dots), true);
    score.mapping.highest = ParsePitchOption("--range", range->substr(dots + 2), true);
  }
  if (mode) {
    auto m = ParseImageMode(*mode);
    if (!m)
      throw UsageError(
          "new", Fill(_("--mode expects scan or notes (got \"{value}\")"), {{"value", *mode}}));
    score.mapping.image_mode = *m;
  }
  int scan_rows = 0;
  if (rows) {
    const double r = ParseNumber("--rows", *rows);
    if (!(r >= 0 && r <= 4096 && r == std::floor(r)))
      throw UsageError("new",
                       Fill(_("--rows expects a whole number from 0 to 4096 (got \"{value}\")"),
                            {{"value", *rows}}));
    scan_rows = static_cast<int>(r);
  }
  if (palette && *palette != "picture" && *palette != "fixed")
    throw UsageError("new", Fill(_("--palette expects picture or fixed (got \"{value}\")"),
                                 {{"value", *palette}}));
  if (palette && instrument) throw UsageError("new", _("give --palette or --instrument, not both"));
  if (instrument) score.palette = {EntryForInstrument(*instrument)};

  std::error_code ec;
  if (!force && std::filesystem::exists(out, ec))
    throw ScoreError(out.string() + ": " + _("already exists (add --force to replace it)"));

  // Each artwork is checked (decoded, all within one memory budget) before anything is
  // written, then carried in the bundle.
  std::vector<std::shared_ptr<const std::vector<uint8_t>>> sources;
  std::vector<const std::vector<uint8_t>*> pictures;
  for (const std::string& image : images) {
    sources.push_back(
        std::make_shared<const std::vector<uint8_t>>(ReadFileBytes(image, image, MaxEntryBytes())));
    pictures.push_back(sources.back().get());
  }
  const auto decoded = DecodePictures(pictures, images, ImageMemoryBudget(), out.string());
  std::set<std::string> used;
  for (size_t i = 0; i < images.size(); ++i) {
    const std::filesystem::path source = images[i];
    Layer layer;
    layer.kind = Layer::Kind::kImage;
    layer.name = source.stem().string();
    layer.image.file = EntryNameFor(source, used);
    layer.image.start_beat = 0;
    layer.image.length_beats = score.length_beats;
    layer.image.mode = score.mapping.image_mode;
    layer.image.rows = scan_rows;
    layer.image.pixels = decoded[i];
    score.assets.files[layer.image.file] = sources[i];
    score.layers.push_back(std::move(layer));
  }
  // A score made from a picture plays the picture's own colours unless told otherwise.
  const bool picture_palette = !instrument && (palette ? *palette == "picture" : !images.empty());
  if (picture_palette && !score.layers.empty()) {
    std::vector<PaletteEntry> own = interpret::PicturePalette(*score.layers.front().image.pixels);
    if (!own.empty()) score.palette = std::move(own);
  }
  SaveScore(score, out);
  std::printf("%s: %s\n", out.string().c_str(),
              Fill(_("new score, {beats} beats at {tempo} bpm ({seconds} s), {images}, {people}"),
                   {{"beats", FormatNumber(score.length_beats)},
                    {"tempo", FormatNumber(score.tempo_bpm)},
                    {"seconds", Sprintf("%.1f", score.DurationSeconds())},
                    {"images", Plural("{n} image", "{n} images", images.size())},
                    {"people", Plural("{n} person", "{n} people", score.contributors.size())}})
                  .c_str());
  return kExitOk;
}

}  // namespace

const Command kNewCommand = {
    "new", N_("make a new score, optionally from artworks (PNG, JPEG)"),
    N_("usage: graphony-cli new OUT.graphony [--image FILE]... [--title TEXT] [--tempo BPM]\n"
       "                        [--beats N] [--meter 4/4] [--scale NAME] [--root NOTE]\n"
       "                        [--range LOW..HIGH] [--mode scan|notes] [--rows N]\n"
       "                        [--instrument NAME] [--palette picture|fixed]\n"
       "                        [--person NAME]... [--people-from OTHER] [--date YYYY-MM-DD] "
       "[--force]\n\n"
       "Makes a score bundle. Each --image becomes an image layer spanning the whole length.\n"
       "Defaults are calm: 72 bpm, 4/4, 32 beats, major-pentatonic on C4, range G3..G5, notes "
       "mode.\n\n"
       "  --image FILE        a PNG or JPEG picture (repeatable); copied into the bundle\n"
       "  --title TEXT        the score's title (default: \"Music of\" and the date)\n"
       "  --date YYYY-MM-DD   the day it was made (default: today)\n"
       "  --person NAME       someone in the group (repeatable); nothing agreed yet: set their\n"
       "                      credit and consent with 'graphony-cli people'\n"
       "  --people-from FILE  the group of another score, with their credit and consent\n"
       "  --tempo BPM         beats per minute, 20..400\n"
       "  --beats N           length in beats\n"
       "  --meter N/D         time signature, e.g. 3/4\n"
       "  --scale NAME        major-pentatonic, minor-pentatonic, major, natural-minor, dorian,\n"
       "                      mixolydian, blues, whole-tone, chromatic, or none (continuous "
       "pitch)\n"
       "  --root NOTE         the key note, e.g. C4, F#3, Bb3\n"
       "  --range LOW..HIGH   playable range as notes (G3..G5) or frequencies (55Hz..7040Hz)\n"
       "  --mode scan|notes   how images play: scan (every row sounds) or notes (salient shapes)\n"
       "  --rows N            scan-mode rows of each picture, up to 4096 (default 0: the "
       "picture's\n"
       "                      height, at most 1024)\n"
       "  --instrument NAME   play with one instrument, e.g. flute, marimba or bass (a wrong name\n"
       "                      lists them all); the palette gets that single entry\n"
       "  --palette picture   the palette is the first picture's own dominant colours (up to 6,\n"
       "                      background left out), each with an instrument suiting it: dark ->\n"
       "                      bass, blue -> flute, warm bright -> bells... (default with --image)\n"
       "  --palette fixed     the six fixed colour-blind-friendly colours (default without "
       "--image)\n"
       "  --force             replace OUT if it exists\n\n"
       "Exit status: 0 written, 1 bad input (nothing written), 2 usage error.\n"),
    RunNew};

}  // namespace graphony::cli
