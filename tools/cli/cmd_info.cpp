// graphony-cli info: what a score holds, as text for people or --json for scripts.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/people.h"
#include "core/pitch.h"
#include "core/score_format.h"
#include "core/score_io.h"
#include "core/score_stats.h"
#include "core/score_text.h"
#include "notation/credits.h"

namespace graphony::cli {

namespace {

using Json = nlohmann::ordered_json;

std::string PitchText(double midi) {
  if (midi == static_cast<int>(midi)) return NoteName(static_cast<int>(midi));
  char text[32];
  std::snprintf(text, sizeof text, "%.0fHz", MidiToHz(midi));
  return text;
}

// How a contributor may be named in anything that leaves the room: the print's rule.
using notation::CreditName;

// "group, exhibition" or "no consent given".
std::string ConsentText(const Consent& consent) {
  std::string out;
  for (Purpose p : kPurposes)
    if (Agrees(consent, p)) out.append(out.empty() ? "" : ", ").append(PurposeName(p));
  return out.empty() ? "no consent given" : "agreed to: " + out;
}

// Who was recorded, named as the credit rule allows ("participant" when not by name).
std::string SamplePlayers(const Score& s, const SampledInstrument& si) {
  std::string out;
  for (const std::string& id : si.players)
    if (const Contributor* c = PersonById(s, id)) out += (out.empty() ? "" : ", ") + CreditName(*c);
  return out.empty() ? "nobody named" : out;
}

// What every recorded person agreed to, read from them now (never stored with the sample).
std::string SampleUses(const Score& s, const SampledInstrument& si) {
  std::string out;
  for (Purpose p : kPurposes)
    if (SampleAllowed(s, si, p)) out.append(out.empty() ? "" : ", ").append(PurposeName(p));
  return out.empty() ? "nothing" : out;
}

std::string RootText(double midi) {
  char text[48];
  const int near = static_cast<int>(std::lround(midi));
  std::snprintf(text, sizeof text, "%s%+.0f cents (%.1f Hz)", NoteName(near).c_str(),
                100 * (midi - near), MidiToHz(midi));
  return text;
}

const char* KindName(Layer::Kind kind) {
  switch (kind) {
    case Layer::Kind::kImage:
      return "image";
    case Layer::Kind::kStrokes:
      return "strokes";
  }
  return "strokes";
}

Json InfoJson(const Score& s, const std::string& file) {
  Json j;
  j["file"] = file;
  j["format_version"] = kScoreFormatVersion;
  j["title"] = s.title;
  j["date"] = s.date;
  j["tempo_bpm"] = s.tempo_bpm;
  j["meter"] = FormatMeter(s.meter);
  j["beats"] = s.length_beats;
  j["duration_s"] = s.DurationSeconds();
  j["mapping"] = {{"scale", s.mapping.scale},
                  {"root", NoteName(s.mapping.root)},
                  {"lowest", s.mapping.lowest},
                  {"highest", s.mapping.highest},
                  {"image_mode", ImageModeName(s.mapping.image_mode)},
                  {"grid", s.mapping.grid},
                  {"max_polyphony", s.mapping.max_polyphony}};
  Json palette = Json::array();
  for (const PaletteEntry& e : s.palette) {
    Json entry = {
        {"color", FormatColor(e.color)}, {"instrument", e.instrument}, {"name", e.display_name}};
    if (!e.sample.empty()) entry["sample"] = e.sample;
    palette.push_back(std::move(entry));
  }
  j["palette"] = palette;
  j["soundfont"] = s.soundfont;  // "" = the default
  Json layers = Json::array();
  for (const Layer& layer : s.layers) {
    Json l = {{"kind", KindName(layer.kind)}, {"name", layer.name}, {"muted", layer.muted}};
    if (layer.kind == Layer::Kind::kImage) {
      l["file"] = layer.image.file;
      l["width"] = layer.image.pixels ? layer.image.pixels->width : 0;
      l["height"] = layer.image.pixels ? layer.image.pixels->height : 0;
      l["start_beat"] = layer.image.start_beat;
      l["length_beats"] = layer.image.length_beats;
      l["mode"] = ImageModeName(layer.image.mode);
    } else {
      l["strokes"] = layer.strokes.strokes.size();
    }
    layers.push_back(l);
  }
  j["layers"] = layers;
  j["images"] = CountImageLayers(s);
  j["strokes"] = CountStrokes(s);
  Json contributors = Json::array();
  for (const Contributor& c : s.contributors)
    contributors.push_back({{"id", c.id},
                            {"credit", CreditName(c)},
                            {"role", c.role},
                            {"credit_by_name", c.consent.credit_by_name},
                            {"consent", ConsentText(c.consent)},
                            {"keep_until", c.consent.keep_until}});
  j["contributors"] = contributors;
  Json sections = Json::array();
  for (const SectionMarker& m : s.sections)
    sections.push_back({{"beat", m.beat}, {"label", m.label}});
  j["sections"] = sections;
  j["takes"] = s.takes.size();
  Json sampled = Json::array();
  for (const SampledInstrument& si : s.sampled_instruments)
    sampled.push_back({{"name", si.name},
                       {"file", si.file},
                       {"take", si.take},
                       {"from_seconds", si.from_seconds},
                       {"to_seconds", si.to_seconds},
                       {"root_midi", si.root_midi},
                       {"loop_start", si.loop_start},
                       {"loop_end", si.loop_end},
                       {"players", si.players},
                       {"consent", SampleUses(s, si)}});
  j["sampled_instruments"] = sampled;
  return j;
}

void PrintText(const Score& s, const std::string& file) {
  std::printf("file:         %s\n", file.c_str());
  std::printf("title:        %s\n", s.title.c_str());
  if (!s.date.empty()) std::printf("date:         %s\n", s.date.c_str());
  std::printf("tempo:        %s bpm\n", FormatNumber(s.tempo_bpm).c_str());
  std::printf("meter:        %s\n", FormatMeter(s.meter).c_str());
  std::printf("length:       %s beats (%.1f s)\n", FormatNumber(s.length_beats).c_str(),
              s.DurationSeconds());
  const Mapping& m = s.mapping;
  std::string range = PitchText(m.lowest) + ".." + PitchText(m.highest);
  if (m.scale == "none") {  // continuous pitch: frequencies say more than note names
    char hz[64];
    std::snprintf(hz, sizeof hz, " (%.0fHz..%.0fHz)", MidiToHz(m.lowest), MidiToHz(m.highest));
    range += hz;
  }
  std::printf(
      "mapping:      %s on %s, range %s, images in %s mode, grid %s beats, up to %d notes at "
      "once\n",
      m.scale.c_str(), NoteName(m.root).c_str(), range.c_str(), ImageModeName(m.image_mode),
      FormatNumber(m.grid).c_str(), m.max_polyphony);
  std::printf("soundfont:    %s\n", s.soundfont.empty() ? "default" : s.soundfont.c_str());
  std::printf("palette:      %zu colours\n", s.palette.size());
  for (const PaletteEntry& e : s.palette)
    std::printf("  %s  %-9s %s\n", FormatColor(e.color).c_str(), e.instrument.c_str(),
                e.display_name.c_str());
  std::printf("layers:       %zu\n", s.layers.size());
  for (size_t i = 0; i < s.layers.size(); ++i) {
    const Layer& l = s.layers[i];
    if (l.kind == Layer::Kind::kImage) {
      const auto& im = l.image;
      std::printf("  %zu. image   %s: %s, %dx%d px, beats %s..%s, %s mode%s\n", i + 1,
                  QuoteText(l.name).c_str(), im.file.c_str(), im.pixels ? im.pixels->width : 0,
                  im.pixels ? im.pixels->height : 0, FormatNumber(im.start_beat).c_str(),
                  FormatNumber(im.start_beat + im.length_beats).c_str(), ImageModeName(im.mode),
                  l.muted ? ", muted" : "");
    } else {
      std::printf("  %zu. strokes %s: %zu strokes%s\n", i + 1, QuoteText(l.name).c_str(),
                  l.strokes.strokes.size(), l.muted ? ", muted" : "");
    }
  }
  std::printf("images:       %zu\n", CountImageLayers(s));
  std::printf("strokes:      %zu\n", CountStrokes(s));
  std::printf("contributors: %zu\n", s.contributors.size());
  for (const Contributor& c : s.contributors)
    std::printf("  %s%s%s (%s, %s)\n", CreditName(c).c_str(), c.role.empty() ? "" : ", ",
                c.role.c_str(),
                c.consent.credit_by_name ? "credited by name" : "not credited by name",
                ConsentText(c.consent).c_str());
  if (!s.sections.empty()) {
    std::printf("sections:     %zu\n", s.sections.size());
    for (const SectionMarker& mk : s.sections)
      std::printf("  beat %s: %s\n", FormatNumber(mk.beat).c_str(), mk.label.c_str());
  }
  if (!s.takes.empty()) std::printf("takes:        %zu\n", s.takes.size());
  if (!s.sampled_instruments.empty())
    std::printf("sampled instruments: %zu\n", s.sampled_instruments.size());
  for (const SampledInstrument& si : s.sampled_instruments)
    std::printf("  %s: %s, from %s %.2f..%.2f s, root %s, %s, by %s (may be used for: %s)\n",
                QuoteText(si.name).c_str(), si.file.c_str(), si.take.c_str(), si.from_seconds,
                si.to_seconds, RootText(si.root_midi).c_str(),
                si.loop_end > si.loop_start ? "looped" : "no loop", SamplePlayers(s, si).c_str(),
                SampleUses(s, si).c_str());
}

int RunInfo(Args& args) {
  const bool json = args.Flag("--json");
  const auto files = args.Positionals();
  if (files.size() != 1) throw UsageError("info: give exactly one score file (see --help)");
  const Score score = LoadScore(files[0]);
  if (json)
    std::printf(
        "%s\n",
        InfoJson(score, files[0]).dump(2, ' ', false, Json::error_handler_t::replace).c_str());
  else
    PrintText(score, files[0]);
  return kExitOk;
}

}  // namespace

const Command kInfoCommand = {
    "info", N_("describe a score: tempo, length, mapping, layers, contributors"),
    "usage: graphony-cli info FILE [--json]\n\n"
    "Prints the title, tempo, meter, length in beats and seconds, the pitch mapping, the\n"
    "soundfont (\"default\" unless set with 'graphony-cli soundfont'), the palette, the\n"
    "layers, the number of images and strokes, and the contributors (named only when they\n"
    "agreed to be credited by name).\n\n"
    "  --json   one JSON object with at least title, tempo_bpm, beats, duration_s, images,\n"
    "           strokes, contributors (a list)\n\n"
    "Exit status: 0 ok, 1 the file cannot be read, 2 usage error.\n",
    RunInfo};

}  // namespace graphony::cli
