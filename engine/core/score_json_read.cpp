// score.json -> Score: strict type checks, each error naming the field, e.g.
// "demo.graphony: score.json: layers[2].strokes[5].points[0].height: expected a number".
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/people.h"
#include "core/people_json.h"
#include "core/pitch.h"
#include "core/score_defaults.h"
#include "core/score_format.h"
#include "core/score_io.h"
#include "core/score_text.h"

namespace graphony {

namespace {

using Json = nlohmann::json;

std::string Quoted(const std::string& text) {
  return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string TypeName(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return _("an object");
    case Json::value_t::array:
      return _("a list");
    case Json::value_t::string:
      return _("text");
    case Json::value_t::boolean:
      return _("true/false");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return _("a number");
    case Json::value_t::binary:
      return _("binary data");
    case Json::value_t::discarded:
      return _("nothing");
  }
  return _("something else");
}

// An object being read. Remembers the keys used so unknown ones (typos) can be reported.
class ObjectReader {
 public:
  ObjectReader(const std::string& where, const Json& j, std::string path)
      : where_(where), j_(j), path_(std::move(path)) {
    if (!j.is_object())
      Fail(path_, i18n::Fill(_("expected an object {...}, got {type}"), {{"type", TypeName(j)}}));
  }

  [[noreturn]] void Fail(const std::string& path, const std::string& message) const {
    throw ScoreError(where_ + ": " + (path.empty() ? "" : path + ": ") + message);
  }
  std::string Path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  const std::string& Where() const { return where_; }

  const Json* Find(const char* key) {
    used_.insert(key);
    auto it = j_.find(key);
    return it == j_.end() ? nullptr : &*it;
  }
  const Json& Required(const char* key) {
    const Json* v = Find(key);
    if (!v) Fail(Path(key), _("missing (this field is required)"));
    return *v;
  }

  double NumberOf(const Json& v, const std::string& path) const {
    if (!v.is_number())
      Fail(path, i18n::Fill(_("expected a number, got {type}"), {{"type", TypeName(v)}}));
    return v.get<double>();
  }
  double Number(const char* key, double fallback) {
    const Json* v = Find(key);
    return v ? NumberOf(*v, Path(key)) : fallback;
  }
  float Float(const char* key, float fallback) { return static_cast<float>(Number(key, fallback)); }
  int IntOf(const Json& v, const std::string& path) const {
    const double d = NumberOf(v, path);
    if (d != std::floor(d) || std::fabs(d) > 1e9)
      Fail(path,
           i18n::Fill(_("expected a whole number (got {value})"), {{"value", FormatNumber(d)}}));
    return static_cast<int>(d);
  }
  int Int(const char* key, int fallback) {
    const Json* v = Find(key);
    return v ? IntOf(*v, Path(key)) : fallback;
  }
  bool Bool(const char* key, bool fallback) {
    const Json* v = Find(key);
    if (!v) return fallback;
    if (!v->is_boolean())
      Fail(Path(key),
           i18n::Fill(_("expected true or false, got {type}"), {{"type", TypeName(*v)}}));
    return v->get<bool>();
  }
  std::string StringOf(const Json& v, const std::string& path) const {
    if (!v.is_string())
      Fail(path, i18n::Fill(_("expected text in quotes, got {type}"), {{"type", TypeName(v)}}));
    return v.get<std::string>();
  }
  std::string String(const char* key, const std::string& fallback) {
    const Json* v = Find(key);
    return v ? StringOf(*v, Path(key)) : fallback;
  }
  // Absent -> nullptr; present but not a list -> error.
  const Json* Array(const char* key) {
    const Json* v = Find(key);
    if (v && !v->is_array())
      Fail(Path(key), i18n::Fill(_("expected a list [...], got {type}"), {{"type", TypeName(*v)}}));
    return v;
  }
  Color ColorOf(const Json& v, const std::string& path) const {
    const std::string text = StringOf(v, path);
    auto c = ParseColor(text);
    if (!c)
      Fail(path, i18n::Fill(_("expected a colour like \"#e69f00\" (got {value})"),
                            {{"value", Quoted(text)}}));
    return *c;
  }
  Color ColorField(const char* key, Color fallback) {
    const Json* v = Find(key);
    return v ? ColorOf(*v, Path(key)) : fallback;
  }
  ImageMode Mode(const char* key, ImageMode fallback) {
    const Json* v = Find(key);
    if (!v) return fallback;
    const std::string text = StringOf(*v, Path(key));
    auto mode = ParseImageMode(text);
    if (!mode)
      Fail(Path(key), i18n::Fill(_("expected \"scan\" or \"notes\" (got {value})"),
                                 {{"value", Quoted(text)}}));
    return *mode;
  }
  // A pitch as a note name ("G3"), a frequency ("55Hz", if allowed) or a MIDI number.
  double Pitch(const char* key, double fallback, bool allow_hz) {
    const Json* v = Find(key);
    if (!v) return fallback;
    const std::string path = Path(key);
    if (v->is_number()) return NumberOf(*v, path);
    if (!v->is_string())
      Fail(path, i18n::Fill(_("expected a note name like \"C4\" or a MIDI number, got {type}"),
                            {{"type", TypeName(*v)}}));
    const std::string text = v->get<std::string>();
    if (auto midi = ParseNoteName(text)) return *midi;
    if (allow_hz)
      if (auto midi = ParseFrequency(text)) return *midi;
    Fail(path, i18n::Fill(
                   allow_hz ? _("expected a note name like \"C4\", a frequency like \"440Hz\" or a "
                                "MIDI number (got {value})")
                            : _("expected a note name like \"C4\" or a MIDI number (got {value})"),
                   {{"value", Quoted(text)}}));
  }

  void Finish() const {
    for (auto it = j_.begin(); it != j_.end(); ++it)
      if (!used_.count(it.key()))
        Fail(Path(it.key()), _("unknown field (see docs/score-format.md)"));
  }

 private:
  const std::string& where_;
  const Json& j_;
  std::string path_;
  std::set<std::string> used_;
};

std::string Index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// Format 2 writes the consent as flat fields; format 1's {"credit_by_name", "share_audio"}
// object is migrated (docs/score-format.md, "Versions").
Contributor ReadContributor(const std::string& where, const Json& j, const std::string& path,
                            int format_version) {
  ObjectReader o(where, j, path);
  Contributor c;
  c.id = o.StringOf(o.Required("id"), o.Path("id"));
  c.name = o.String("name", "");
  c.initials = o.String("initials", "");
  c.role = o.String("role", "");
  if (format_version < 2) {
    // Format 1 always let the group hear its own takes; "share_audio" let them leave it,
    // which is what an exhibition or concert does. Publicity and research are never assumed.
    c.consent.group = true;
    if (const Json* consent = o.Find("consent")) {
      ObjectReader k(where, *consent, o.Path("consent"));
      c.consent.credit_by_name = k.Bool("credit_by_name", false);
      c.consent.exhibition = k.Bool("share_audio", false);
      k.Finish();
    }
  } else {
    c.consent.credit_by_name = o.Bool("credit_by_name", false);
    if (const Json* list = o.Array("consent"))
      for (size_t i = 0; i < list->size(); ++i) {
        const std::string item_path = Index(o.Path("consent"), i);
        const std::string name = o.StringOf((*list)[i], item_path);
        const auto purpose = ParsePurpose(name);
        if (!purpose)
          o.Fail(item_path, i18n::Fill(_("unknown purpose {name} (known: {known})"),
                                       {{"name", Quoted(name)}, {"known", PurposeNameList()}}));
        SetAgrees(c.consent, *purpose, true);
      }
    c.consent.keep_until = o.String("keep_until", "");
  }
  o.Finish();
  return c;
}

void ReadMapping(const std::string& where, const Json& j, Mapping& m) {
  ObjectReader o(where, j, "mapping");
  m.scale = o.String("scale", m.scale);
  if (const Json* steps = o.Array("custom_intervals")) {
    m.custom_intervals.clear();
    for (size_t i = 0; i < steps->size(); ++i)
      m.custom_intervals.push_back(o.IntOf((*steps)[i], Index(o.Path("custom_intervals"), i)));
  }
  const double root = o.Pitch("root", m.root, false);
  if (root != std::floor(root) || std::fabs(root) > 1e6)
    o.Fail(o.Path("root"),
           i18n::Fill(_("expected a whole MIDI number or a note name (got {value})"),
                      {{"value", FormatNumber(root)}}));
  m.root = static_cast<int>(root);
  m.lowest = o.Pitch("lowest", m.lowest, true);
  m.highest = o.Pitch("highest", m.highest, true);
  m.image_mode = o.Mode("image_mode", m.image_mode);
  m.grid = o.Number("grid", m.grid);
  m.max_polyphony = o.Int("max_polyphony", m.max_polyphony);
  m.max_notes_per_beat = o.Int("max_notes_per_beat", m.max_notes_per_beat);
  o.Finish();
}

PaletteEntry ReadPaletteEntry(const std::string& where, const Json& j, const std::string& path) {
  ObjectReader o(where, j, path);
  PaletteEntry e;
  e.color = o.ColorOf(o.Required("color"), o.Path("color"));
  e.instrument = o.StringOf(o.Required("instrument"), o.Path("instrument"));
  e.display_name = o.String("name", e.instrument);
  e.sample = o.String("sample", "");
  o.Finish();
  return e;
}

Stroke ReadStroke(const std::string& where, const Json& j, const std::string& path) {
  ObjectReader o(where, j, path);
  Stroke s;
  s.color = o.ColorOf(o.Required("color"), o.Path("color"));
  s.width = o.Float("width", s.width);
  s.contributor = o.String("contributor", "");
  const Json& points = o.Required("points");
  const std::string points_path = o.Path("points");
  if (!points.is_array())
    o.Fail(points_path,
           i18n::Fill(_("expected a list [...], got {type}"), {{"type", TypeName(points)}}));
  s.points.reserve(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    ObjectReader p(where, points[i], Index(points_path, i));
    StrokePoint point;
    point.beat = p.NumberOf(p.Required("beat"), p.Path("beat"));
    point.height = p.NumberOf(p.Required("height"), p.Path("height"));
    point.pressure = p.Float("pressure", 1.0f);
    p.Finish();
    s.points.push_back(point);
  }
  o.Finish();
  return s;
}

Layer ReadLayer(const std::string& where, const Json& j, const std::string& path,
                const Score& score) {
  ObjectReader o(where, j, path);
  Layer layer;
  const std::string kind = o.StringOf(o.Required("kind"), o.Path("kind"));
  layer.name = o.String("name", "");
  layer.visible = o.Bool("visible", true);
  layer.locked = o.Bool("locked", false);
  layer.muted = o.Bool("muted", false);
  if (kind == "image") {
    layer.kind = Layer::Kind::kImage;
    ImageLayer& im = layer.image;
    im.file = o.StringOf(o.Required("file"), o.Path("file"));
    im.start_beat = o.Number("start_beat", 0);
    // By default an image spans the rest of the score: the usual case, and easy by hand.
    im.length_beats = o.Number("length_beats", score.length_beats - im.start_beat);
    im.bottom = o.Number("bottom", 0);
    im.top = o.Number("top", 1);
    im.opacity = o.Float("opacity", 1.0f);
    im.mode = o.Mode("mode", score.mapping.image_mode);
    im.rows = o.Int("rows", 0);
  } else if (kind == "strokes") {
    layer.kind = Layer::Kind::kStrokes;
    if (const Json* strokes = o.Array("strokes"))
      for (size_t i = 0; i < strokes->size(); ++i)
        layer.strokes.strokes.push_back(
            ReadStroke(where, (*strokes)[i], Index(o.Path("strokes"), i)));
  } else {
    o.Fail(o.Path("kind"), i18n::Fill(_("expected \"image\" or \"strokes\" (got {value})"),
                                      {{"value", Quoted(kind)}}));
  }
  o.Finish();
  return layer;
}

Take ReadTake(const std::string& where, const Json& j, const std::string& path,
              int format_version) {
  ObjectReader o(where, j, path);
  Take t;
  t.file = o.StringOf(o.Required("file"), o.Path("file"));
  t.name = o.String("name", "");
  if (const Json* players = o.Array("players"))
    for (size_t i = 0; i < players->size(); ++i)
      t.players.push_back(o.StringOf((*players)[i], Index(o.Path("players"), i)));
  // Format 1 stored the take's consent a second time, and it could contradict the players':
  // it is read and dropped, the players' consent decides (TakeAllowed).
  if (format_version < 2) o.Bool("consent_to_share", false);
  t.recorded_at = o.String("recorded_at", "");
  t.start_beat = o.Number("start_beat", 0);
  o.Finish();
  return t;
}

SampledInstrument ReadSampled(const std::string& where, const Json& j, const std::string& path) {
  ObjectReader o(where, j, path);
  SampledInstrument s;
  s.file = o.StringOf(o.Required("file"), o.Path("file"));
  s.name = o.String("name", "");
  s.take = o.String("take", "");
  s.from_seconds = o.Number("from_seconds", 0);
  s.to_seconds = o.Number("to_seconds", 0);
  s.root_midi = o.Pitch("root_midi", 60, true);
  s.loop_start = o.Int("loop_start", 0);
  s.loop_end = o.Int("loop_end", 0);
  s.crossfade = o.Int("crossfade", 0);
  if (const Json* players = o.Array("players"))
    for (size_t i = 0; i < players->size(); ++i)
      s.players.push_back(o.StringOf((*players)[i], Index(o.Path("players"), i)));
  o.Finish();
  return s;
}

}  // namespace

Contributor PersonFromJson(const Json& j, const std::string& where, const std::string& path) {
  return ReadContributor(where, j, path, kScoreFormatVersion);
}

Score ScoreFromJson(const std::string& json_text, const std::string& where) {
  if (json_text.empty()) throw ScoreError(where + ": " + _("is empty"));
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const Json::exception& e) {
    // parse_error, and out_of_range for numbers beyond double such as 1e400. Drop nlohmann's
    // "[json.exception.parse_error.101] " prefix: people need the position.
    std::string message = e.what();
    const size_t bracket = message.find("] ");
    if (bracket != std::string::npos) message = message.substr(bracket + 2);
    throw ScoreError(where + ": " +
                     i18n::Fill(_("not valid JSON ({reason})"), {{"reason", message}}));
  }
  ObjectReader o(where, root, "");
  const Json& version = o.Required("format_version");
  const int format_version = o.IntOf(version, "format_version");
  if (format_version > kScoreFormatVersion)
    o.Fail("", i18n::Fill(_("was saved by a newer Graphony (format_version {version}; this version "
                            "reads up to {supported})"),
                          {{"version", std::to_string(format_version)},
                           {"supported", std::to_string(kScoreFormatVersion)}}));
  if (format_version < 1) o.Fail("format_version", _("must be 1 or more"));

  Score score;
  score.title = o.String("title", score.title);
  score.date = o.String("date", "");
  if (const Json* list = o.Array("contributors"))
    for (size_t i = 0; i < list->size(); ++i)
      score.contributors.push_back(
          ReadContributor(where, (*list)[i], Index("contributors", i), format_version));
  score.tempo_bpm = o.Number("tempo_bpm", score.tempo_bpm);
  if (const Json* meter = o.Find("meter")) {
    const std::string text = o.StringOf(*meter, "meter");
    auto parsed = ParseMeter(text);
    if (!parsed)
      o.Fail("meter", i18n::Fill(_("expected a time signature like \"4/4\" (got {value})"),
                                 {{"value", Quoted(text)}}));
    score.meter = *parsed;
  }
  score.length_beats = o.Number("length_beats", score.length_beats);
  if (const Json* mapping = o.Find("mapping")) ReadMapping(where, *mapping, score.mapping);
  if (const Json* list = o.Array("palette")) {
    for (size_t i = 0; i < list->size(); ++i)
      score.palette.push_back(ReadPaletteEntry(where, (*list)[i], Index("palette", i)));
  } else {
    score.palette = DefaultPalette();
  }
  if (const Json* list = o.Array("layers"))
    for (size_t i = 0; i < list->size(); ++i)
      score.layers.push_back(ReadLayer(where, (*list)[i], Index("layers", i), score));
  if (const Json* list = o.Array("sections"))
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader s(where, (*list)[i], Index("sections", i));
      SectionMarker marker;
      marker.beat = s.NumberOf(s.Required("beat"), s.Path("beat"));
      marker.label = s.String("label", "");
      s.Finish();
      score.sections.push_back(marker);
    }
  if (const Json* list = o.Array("takes"))
    for (size_t i = 0; i < list->size(); ++i)
      score.takes.push_back(ReadTake(where, (*list)[i], Index("takes", i), format_version));
  if (const Json* list = o.Array("sampled_instruments"))
    for (size_t i = 0; i < list->size(); ++i)
      score.sampled_instruments.push_back(
          ReadSampled(where, (*list)[i], Index("sampled_instruments", i)));
  score.soundfont = o.String("soundfont", "");
  score.language = o.String("language", "");
  o.Finish();
  ValidateScore(score, where);
  return score;
}

}  // namespace graphony
