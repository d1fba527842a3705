// Score -> score.json: stable field order, one value per line except short flat objects/lists
// (stroke points, colours lists) which stay on one line so hand-editing remains practical.
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/people.h"
#include "core/people_json.h"
#include "core/pitch.h"
#include "core/score_format.h"
#include "core/score_io.h"
#include "core/score_text.h"

namespace graphony {

namespace {

using Json = nlohmann::ordered_json;

// A pitch reads best as a note name when it is one; fractional pitches stay numbers.
Json PitchValue(double midi) {
  if (midi == std::floor(midi) && midi >= kLowestMidi && midi <= kHighestMidi)
    return NoteName(static_cast<int>(midi));
  return midi;
}

Json ToJson(const Contributor& c) {
  Json j;
  j["id"] = c.id;
  j["name"] = c.name;
  j["initials"] = c.initials;
  j["role"] = c.role;
  j["credit_by_name"] = c.consent.credit_by_name;
  Json purposes = Json::array();
  for (Purpose p : kPurposes)
    if (Agrees(c.consent, p)) purposes.push_back(PurposeName(p));
  j["consent"] = std::move(purposes);
  j["keep_until"] = c.consent.keep_until;
  return j;
}

Json ToJson(const Mapping& m) {
  Json j;
  j["scale"] = m.scale;
  j["custom_intervals"] = m.custom_intervals;
  j["root"] = PitchValue(m.root);
  j["lowest"] = PitchValue(m.lowest);
  j["highest"] = PitchValue(m.highest);
  j["image_mode"] = ImageModeName(m.image_mode);
  j["grid"] = m.grid;
  j["max_polyphony"] = m.max_polyphony;
  j["max_notes_per_beat"] = m.max_notes_per_beat;
  return j;
}

Json ToJson(const Stroke& s) {
  Json j;
  j["color"] = FormatColor(s.color);
  j["width"] = FloatForText(s.width);
  j["contributor"] = s.contributor;
  Json points = Json::array();
  for (const StrokePoint& p : s.points)
    points.push_back(
        {{"beat", p.beat}, {"height", p.height}, {"pressure", FloatForText(p.pressure)}});
  j["points"] = std::move(points);
  return j;
}

Json ToJson(const Layer& layer) {
  Json j;
  switch (layer.kind) {
    case Layer::Kind::kImage:
      j["kind"] = "image";
      break;
    case Layer::Kind::kStrokes:
      j["kind"] = "strokes";
      break;
  }
  j["name"] = layer.name;
  j["visible"] = layer.visible;
  j["locked"] = layer.locked;
  j["muted"] = layer.muted;
  switch (layer.kind) {
    case Layer::Kind::kImage: {
      const ImageLayer& im = layer.image;
      j["file"] = im.file;
      j["start_beat"] = im.start_beat;
      j["length_beats"] = im.length_beats;
      j["bottom"] = im.bottom;
      j["top"] = im.top;
      j["opacity"] = FloatForText(im.opacity);
      j["mode"] = ImageModeName(im.mode);
      j["rows"] = im.rows;
      break;
    }
    case Layer::Kind::kStrokes: {
      Json strokes = Json::array();
      for (const Stroke& s : layer.strokes.strokes) strokes.push_back(ToJson(s));
      j["strokes"] = std::move(strokes);
      break;
    }
  }
  return j;
}

Json ToJson(const Take& t) {
  Json j;
  j["file"] = t.file;
  j["name"] = t.name;
  j["players"] = t.players;
  j["recorded_at"] = t.recorded_at;
  j["start_beat"] = t.start_beat;
  return j;
}

Json ToJson(const SampledInstrument& s) {
  Json j;
  j["file"] = s.file;
  j["name"] = s.name;
  j["take"] = s.take;
  j["from_seconds"] = s.from_seconds;
  j["to_seconds"] = s.to_seconds;
  j["root_midi"] = s.root_midi;
  j["loop_start"] = s.loop_start;
  j["loop_end"] = s.loop_end;
  j["crossfade"] = s.crossfade;
  j["players"] = s.players;
  return j;
}

std::string Scalar(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

bool IsFlat(const Json& j) {
  for (const auto& v : j)
    if (v.is_structured()) return false;
  return true;
}

// Flat containers that fit on a line are written inline; everything else is indented.
void Write(const Json& j, int indent, std::string& out) {
  if (!j.is_structured()) {
    out += Scalar(j);
    return;
  }
  const bool object = j.is_object();
  if (j.empty()) {
    out += object ? "{}" : "[]";
    return;
  }
  if (IsFlat(j)) {
    std::string line = object ? "{" : "[";
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!first) line += ", ";
      first = false;
      if (object) line += Scalar(it.key()) + ": ";
      line += Scalar(*it);
    }
    line += object ? "}" : "]";
    if (line.size() + static_cast<size_t>(indent) <= 100) {
      out += line;
      return;
    }
  }
  out += object ? "{\n" : "[\n";
  const std::string pad(static_cast<size_t>(indent) + 2, ' ');
  bool first = true;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!first) out += ",\n";
    first = false;
    out += pad;
    if (object) {
      out += Scalar(it.key());
      out += ": ";
    }
    Write(*it, indent + 2, out);
  }
  out += '\n';
  out.append(static_cast<size_t>(indent), ' ');
  out += object ? '}' : ']';
}

}  // namespace

nlohmann::ordered_json PersonToJson(const Contributor& person) { return ToJson(person); }

std::string ScoreToJson(const Score& score) {
  Json j;
  j["format_version"] = kScoreFormatVersion;
  j["title"] = score.title;
  j["date"] = score.date;
  Json contributors = Json::array();
  for (const Contributor& c : score.contributors) contributors.push_back(ToJson(c));
  j["contributors"] = std::move(contributors);
  j["tempo_bpm"] = score.tempo_bpm;
  j["meter"] = FormatMeter(score.meter);
  j["length_beats"] = score.length_beats;
  j["mapping"] = ToJson(score.mapping);
  Json palette = Json::array();
  for (const PaletteEntry& e : score.palette)
    palette.push_back({{"color", FormatColor(e.color)},
                       {"instrument", e.instrument},
                       {"name", e.display_name},
                       {"sample", e.sample}});
  j["palette"] = std::move(palette);
  Json layers = Json::array();
  for (const Layer& layer : score.layers) layers.push_back(ToJson(layer));
  j["layers"] = std::move(layers);
  Json sections = Json::array();
  for (const SectionMarker& s : score.sections)
    sections.push_back({{"beat", s.beat}, {"label", s.label}});
  j["sections"] = std::move(sections);
  Json takes = Json::array();
  for (const Take& t : score.takes) takes.push_back(ToJson(t));
  j["takes"] = std::move(takes);
  // Written only when used, so scores without them stay byte-identical to before.
  if (!score.sampled_instruments.empty()) {
    Json sampled = Json::array();
    for (const SampledInstrument& si : score.sampled_instruments) sampled.push_back(ToJson(si));
    j["sampled_instruments"] = std::move(sampled);
  }
  if (!score.soundfont.empty()) j["soundfont"] = score.soundfont;
  if (!score.language.empty()) j["language"] = score.language;
  std::string out;
  Write(j, 0, out);
  out += "\n";
  return out;
}

}  // namespace graphony
