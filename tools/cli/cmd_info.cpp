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

// "group, exhibition" or "no consent given"; in the user's language for people, in English
// for --json (scripts read it).
std::string ConsentText(const Consent& consent, bool for_people) {
  std::string out;
  for (Purpose p : kPurposes)
    if (Agrees(consent, p)) out.append(out.empty() ? "" : ", ").append(PurposeName(p));
  if (!for_people) {
    // NOT-UI: the --json form, read by scripts
    const std::string none = "no consent given";
    // NOT-UI: the --json form, read by scripts
    const std::string agreed = "agreed to: ";
    return out.empty() ? none : agreed + out;
  }
  return out.empty() ? _("no consent given")
                     : Fill(_("agreed to: {purposes}"), {{"purposes", out}});
}

// A label of the text form, padded so the values line up ("title:        ").
std::string Label(const char* text) {
  std::string label = text;
  size_t letters = 0;  // code points, so a translated label lines up too
  for (unsigned char c : label) letters += (c & 0xC0) != 0x80;
  label.append(letters < 14 ? 14 - letters : 1, ' ');
  return label;
}

// Who was recorded, named as the credit rule allows ("participant" when not by name).
std::string SamplePlayers(const Score& s, const SampledInstrument& si) {
  std::string out;
  for (const std::string& id : si.players)
    if (const Contributor* c = PersonById(s, id)) out += (out.empty() ? "" : ", ") + CreditName(*c);
  return out.empty() ? _("nobody named") : out;
}

// What every recorded person agreed to, read from them now (never stored with the sample).
std::string SampleUses(const Score& s, const SampledInstrument& si, bool for_people) {
  std::string out;
  for (Purpose p : kPurposes)
    if (SampleAllowed(s, si, p)) out.append(out.empty() ? "" : ", ").append(PurposeName(p));
  if (out.empty()) return for_people ? _("nothing") : "nothing";
  return out;
}

std::string RootText(double midi) {
  const int near = static_cast<int>(std::lround(midi));
  return Fill(_("{note}{cents} cents ({hz} Hz)"), {{"note", NoteName(near)},
                                                   {"cents", Sprintf("%+.0f", 100 * (midi - near))},
                                                   {"hz", Sprintf("%.1f", MidiToHz(midi))}});
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
                            {"consent", ConsentText(c.consent, false)},
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
                       {"consent", SampleUses(s, si, false)}});
  j["sampled_instruments"] = sampled;
  return j;
}

void PrintText(const Score& s, const std::string& file) {
  auto line = [](const char* label, const std::string& value) {
    std::printf("%s%s\n", Label(label).c_str(), value.c_str());
  };
  line(_("file:"), file);
  line(_("title:"), s.title);
  if (!s.date.empty()) line(_("date:"), s.date);
  line(_("tempo:"), Fill(_("{tempo} bpm"), {{"tempo", FormatNumber(s.tempo_bpm)}}));
  line(_("meter:"), FormatMeter(s.meter));
  line(_("length:"),
       Fill(_("{beats} beats ({seconds} s)"), {{"beats", FormatNumber(s.length_beats)},
                                               {"seconds", Sprintf("%.1f", s.DurationSeconds())}}));
  const Mapping& m = s.mapping;
  std::string range = PitchText(m.lowest) + ".." + PitchText(m.highest);
  if (m.scale == "none") {  // continuous pitch: frequencies say more than note names
    char hz[64];
    std::snprintf(hz, sizeof hz, " (%.0fHz..%.0fHz)", MidiToHz(m.lowest), MidiToHz(m.highest));
    range += hz;
  }
  line(_("mapping:"),
       Fill(_("{scale} on {root}, range {range}, images in {mode} mode, grid {grid} beats, up to "
              "{polyphony} notes at once"),
            {{"scale", m.scale},
             {"root", NoteName(m.root)},
             {"range", range},
             {"mode", ImageModeName(m.image_mode)},
             {"grid", FormatNumber(m.grid)},
             {"polyphony", std::to_string(m.max_polyphony)}}));
  line(_("soundfont:"), s.soundfont.empty() ? std::string(_("default")) : s.soundfont);
  line(_("palette:"), Fill(_("{n} colours"), {{"n", std::to_string(s.palette.size())}}));
  for (const PaletteEntry& e : s.palette)
    std::printf("  %s  %-9s %s\n", FormatColor(e.color).c_str(), e.instrument.c_str(),
                e.display_name.c_str());
  line(_("layers:"), std::to_string(s.layers.size()));
  for (size_t i = 0; i < s.layers.size(); ++i) {
    const Layer& l = s.layers[i];
    if (l.kind == Layer::Kind::kImage) {
      const auto& im = l.image;
      std::printf(
          // NOT-UI: a table row: numbers, units and translated parts
          "  %zu. %s\n", i + 1,
          Fill(l.muted
                   ? _("image   {name}: {file}, {width}x{height} px, beats {from}..{to}, {mode} "
                       "mode, muted")
                   : _("image   {name}: {file}, {width}x{height} px, beats {from}..{to}, {mode} "
                       "mode"),
               {{"name", QuoteText(l.name)},
                {"file", im.file},
                {"width", std::to_string(im.pixels ? im.pixels->width : 0)},
                {"height", std::to_string(im.pixels ? im.pixels->height : 0)},
                {"from", FormatNumber(im.start_beat)},
                {"to", FormatNumber(im.start_beat + im.length_beats)},
                {"mode", ImageModeName(im.mode)}})
              .c_str());
    } else {
      std::printf(
          // NOT-UI: a table row: numbers, units and translated parts
          "  %zu. %s\n", i + 1,
          Fill(l.muted ? _("strokes {name}: {n} strokes, muted") : _("strokes {name}: {n} strokes"),
               {{"name", QuoteText(l.name)}, {"n", std::to_string(l.strokes.strokes.size())}})
              .c_str());
    }
  }
  line(_("images:"), std::to_string(CountImageLayers(s)));
  line(_("strokes:"), std::to_string(CountStrokes(s)));
  line(_("contributors:"), std::to_string(s.contributors.size()));
  for (const Contributor& c : s.contributors)
    std::printf("  %s%s%s (%s, %s)\n", CreditName(c).c_str(), c.role.empty() ? "" : ", ",
                c.role.c_str(),
                c.consent.credit_by_name ? _("credited by name") : _("not credited by name"),
                ConsentText(c.consent, true).c_str());
  if (!s.sections.empty()) {
    line(_("sections:"), std::to_string(s.sections.size()));
    for (const SectionMarker& mk : s.sections)
      std::printf("  %s\n", Fill(_("beat {beat}: {label}"),
                                 {{"beat", FormatNumber(mk.beat)}, {"label", mk.label}})
                                .c_str());
  }
  if (!s.takes.empty()) line(_("takes:"), std::to_string(s.takes.size()));
  if (!s.sampled_instruments.empty())
    line(_("sampled instruments:"), std::to_string(s.sampled_instruments.size()));
  for (const SampledInstrument& si : s.sampled_instruments)
    std::printf("  %s\n",
                Fill(_("{name}: {file}, from {take} {from}..{to} s, root {root}, {loop}, by "
                       "{players} (may be used for: {uses})"),
                     {{"name", QuoteText(si.name)},
                      {"file", si.file},
                      {"take", si.take},
                      {"from", Sprintf("%.2f", si.from_seconds)},
                      {"to", Sprintf("%.2f", si.to_seconds)},
                      {"root", RootText(si.root_midi)},
                      {"loop", si.loop_end > si.loop_start ? _("looped") : _("no loop")},
                      {"players", SamplePlayers(s, si)},
                      {"uses", SampleUses(s, si, true)}})
                    .c_str());
}

int RunInfo(Args& args) {
  const bool json = args.Flag("--json");
  const auto files = args.Positionals();
  if (files.size() != 1) throw UsageError("info", _("give exactly one score file (see --help)"));
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
    N_("usage: graphony-cli info FILE [--json]\n\n"
       "Prints the title, tempo, meter, length in beats and seconds, the pitch mapping, the\n"
       "soundfont (\"default\" unless set with 'graphony-cli soundfont'), the palette, the\n"
       "layers, the number of images and strokes, and the contributors (named only when they\n"
       "agreed to be credited by name).\n\n"
       "  --json   one JSON object with at least title, tempo_bpm, beats, duration_s, images,\n"
       "           strokes, contributors (a list)\n\n"
       "Exit status: 0 ok, 1 the file cannot be read, 2 usage error.\n"),
    RunInfo};

}  // namespace graphony::cli
