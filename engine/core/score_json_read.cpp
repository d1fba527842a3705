// score.json -> Score: strict type checks, each error naming the field, e.g.
// "demo.graphony: score.json: layers[2].strokes[5].points[0].height: expected a number".
// One reader over two parsers (core/json_view.h): simdjson for speed, nlohmann for its
// messages and for the few inputs simdjson refuses or reads differently.
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/json_view.h"
#include "core/people.h"
#include "core/people_json.h"
#include "core/pitch.h"
#include "core/score_defaults.h"
#include "core/score_format.h"
#include "core/score_io.h"
#include "core/score_io_testing.h"
#include "core/score_text.h"

namespace graphony {

namespace {

using Json = nlohmann::json;
using json_view::Kind;

std::atomic<bool> g_nlohmann_only{false};

std::string Quoted(const std::string& text) {
  return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

template <class V>
std::string TypeName(const V& j) {
  switch (j.Type()) {
    case Kind::kNull:
      return "null";
    case Kind::kObject:
      return _("an object");
    case Kind::kArray:
      return _("a list");
    case Kind::kString:
      return _("text");
    case Kind::kBoolean:
      return _("true/false");
    case Kind::kNumber:
      return _("a number");
    case Kind::kBinary:
      return _("binary data");
    case Kind::kDiscarded:
      return _("nothing");
  }
  return _("something else");
}

// A field's place ("layers[2].strokes[5].points[0].height"), spelled out only when an error
// names it: a big score has hundreds of thousands of fields. A path points to its parent,
// which must outlive it (a local or a reader further up the call stack).
class FieldPath {
 public:
  FieldPath() = default;  // the document itself
  explicit FieldPath(std::string_view text) : kind_(kText), key_(text) {}
  FieldPath Key(std::string_view key) const {
    FieldPath p;
    p.kind_ = kKey;
    p.parent_ = this;
    p.key_ = key;
    return p;
  }
  FieldPath Item(size_t index) const {
    FieldPath p;
    p.kind_ = kItem;
    p.parent_ = this;
    p.index_ = index;
    return p;
  }
  std::string Text() const {
    switch (kind_) {
      case kRoot:
        return "";
      case kText:
        return std::string(key_);
      case kKey: {
        std::string parent = parent_->Text();
        return parent.empty() ? std::string(key_) : parent + "." + std::string(key_);
      }
      case kItem:
        return parent_->Text() + "[" + std::to_string(index_) + "]";
    }
    return "";
  }

 private:
  enum Part { kRoot, kText, kKey, kItem } kind_ = kRoot;
  const FieldPath* parent_ = nullptr;
  std::string_view key_;
  size_t index_ = 0;
};

[[noreturn]] void FailAt(const std::string& where, const FieldPath& path,
                         const std::string& message) {
  const std::string text = path.Text();
  throw ScoreError(where + ": " + (text.empty() ? "" : text + ": ") + message);
}

// An object being read. Remembers the keys used so unknown ones (typos) can be reported.
template <class V>
class ObjectReader {
 public:
  ObjectReader(const std::string& where, const V& j, const FieldPath& path)
      : where_(where), j_(j), path_(path) {
    if (j.Type() != Kind::kObject)
      Fail(path_, i18n::Fill(_("expected an object {...}, got {type}"), {{"type", TypeName(j)}}));
  }

  [[noreturn]] void Fail(const FieldPath& path, const std::string& message) const {
    FailAt(where_, path, message);
  }
  FieldPath Path(std::string_view key) const { return path_.Key(key); }
  const std::string& Where() const { return where_; }

  std::optional<V> Find(const char* key) {
    bool seen = false;
    for (int i = 0; i < used_count_; ++i) seen = seen || std::strcmp(used_[i], key) == 0;
    if (!seen) {
      if (used_count_ == static_cast<int>(used_.size()))
        throw std::logic_error("ObjectReader: more keys than it has room for");
      used_[used_count_++] = key;
    }
    return j_.Find(key);
  }
  V Required(const char* key) {
    const std::optional<V> v = Find(key);
    if (!v) Fail(Path(key), _("missing (this field is required)"));
    return *v;
  }

  double NumberOf(const V& v, const FieldPath& path) const {
    if (v.Type() != Kind::kNumber)
      Fail(path, i18n::Fill(_("expected a number, got {type}"), {{"type", TypeName(v)}}));
    return v.Number();
  }
  double Number(const char* key, double fallback) {
    const std::optional<V> v = Find(key);
    return v ? NumberOf(*v, Path(key)) : fallback;
  }
  float Float(const char* key, float fallback) { return static_cast<float>(Number(key, fallback)); }
  int IntOf(const V& v, const FieldPath& path) const {
    const double d = NumberOf(v, path);
    if (d != std::floor(d) || std::fabs(d) > 1e9)
      Fail(path,
           i18n::Fill(_("expected a whole number (got {value})"), {{"value", FormatNumber(d)}}));
    return static_cast<int>(d);
  }
  int Int(const char* key, int fallback) {
    const std::optional<V> v = Find(key);
    return v ? IntOf(*v, Path(key)) : fallback;
  }
  bool Bool(const char* key, bool fallback) {
    const std::optional<V> v = Find(key);
    if (!v) return fallback;
    if (v->Type() != Kind::kBoolean)
      Fail(Path(key),
           i18n::Fill(_("expected true or false, got {type}"), {{"type", TypeName(*v)}}));
    return v->Bool();
  }
  std::string StringOf(const V& v, const FieldPath& path) const {
    if (v.Type() != Kind::kString)
      Fail(path, i18n::Fill(_("expected text in quotes, got {type}"), {{"type", TypeName(v)}}));
    return v.String();
  }
  std::string String(const char* key, const std::string& fallback) {
    const std::optional<V> v = Find(key);
    return v ? StringOf(*v, Path(key)) : fallback;
  }
  // Absent -> nullopt; present but not a list -> error.
  std::optional<V> Array(const char* key) {
    const std::optional<V> v = Find(key);
    if (v && v->Type() != Kind::kArray)
      Fail(Path(key), i18n::Fill(_("expected a list [...], got {type}"), {{"type", TypeName(*v)}}));
    return v;
  }
  Color ColorOf(const V& v, const FieldPath& path) const {
    const std::string text = StringOf(v, path);
    auto c = ParseColor(text);
    if (!c)
      Fail(path, i18n::Fill(_("expected a colour like \"#e69f00\" (got {value})"),
                            {{"value", Quoted(text)}}));
    return *c;
  }
  Color ColorField(const char* key, Color fallback) {
    const std::optional<V> v = Find(key);
    return v ? ColorOf(*v, Path(key)) : fallback;
  }
  ImageMode Mode(const char* key, ImageMode fallback) {
    const std::optional<V> v = Find(key);
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
    const std::optional<V> v = Find(key);
    if (!v) return fallback;
    const FieldPath path = Path(key);
    if (v->Type() == Kind::kNumber) return NumberOf(*v, path);
    if (v->Type() != Kind::kString)
      Fail(path, i18n::Fill(_("expected a note name like \"C4\" or a MIDI number, got {type}"),
                            {{"type", TypeName(*v)}}));
    const std::string text = v->String();
    if (auto midi = ParseNoteName(text)) return *midi;
    if (allow_hz)
      if (auto midi = ParseFrequency(text)) return *midi;
    Fail(path, i18n::Fill(
                   allow_hz ? _("expected a note name like \"C4\", a frequency like \"440Hz\" or a "
                                "MIDI number (got {value})")
                            : _("expected a note name like \"C4\" or a MIDI number (got {value})"),
                   {{"value", Quoted(text)}}));
  }

  // The first unknown key in sorted order, whatever order the parser keeps keys in.
  void Finish() const {
    std::optional<std::string_view> unknown;
    j_.ForEachKey([&](std::string_view key) {
      for (int i = 0; i < used_count_; ++i)
        if (key == used_[i]) return;
      if (!unknown || key < *unknown) unknown = key;
    });
    if (unknown) Fail(Path(*unknown), _("unknown field (see docs/score-format.md)"));
  }

 private:
  const std::string& where_;
  V j_;
  FieldPath path_;
  // Keys asked for (string literals); an object has 14 at most, so a flat list (no heap: a
  // big score has a reader per stroke point).
  std::array<const char*, 24> used_;
  int used_count_ = 0;
};

// Format 2 writes the consent as flat fields; format 1's {"credit_by_name", "share_audio"}
// object is migrated (docs/score-format.md, "Versions").
template <class V>
Contributor ReadContributor(const std::string& where, const V& j, const FieldPath& path,
                            int format_version) {
  ObjectReader<V> o(where, j, path);
  Contributor c;
  c.id = o.StringOf(o.Required("id"), o.Path("id"));
  c.name = o.String("name", "");
  c.initials = o.String("initials", "");
  c.role = o.String("role", "");
  if (format_version < 2) {
    // Format 1 always let the group hear its own takes; "share_audio" let them leave it,
    // which is what an exhibition or concert does. Publicity and research are never assumed.
    c.consent.group = true;
    if (const std::optional<V> consent = o.Find("consent")) {
      const FieldPath consent_path = o.Path("consent");
      ObjectReader<V> k(where, *consent, consent_path);
      c.consent.credit_by_name = k.Bool("credit_by_name", false);
      c.consent.exhibition = k.Bool("share_audio", false);
      k.Finish();
    }
  } else {
    c.consent.credit_by_name = o.Bool("credit_by_name", false);
    if (const std::optional<V> list = o.Array("consent")) {
      const FieldPath list_path = o.Path("consent");
      list->ForEachItem([&](size_t i, const V& item) {
        const FieldPath item_path = list_path.Item(i);
        const std::string name = o.StringOf(item, item_path);
        const auto purpose = ParsePurpose(name);
        if (!purpose)
          o.Fail(item_path, i18n::Fill(_("unknown purpose {name} (known: {known})"),
                                       {{"name", Quoted(name)}, {"known", PurposeNameList()}}));
        SetAgrees(c.consent, *purpose, true);
      });
    }
    c.consent.keep_until = o.String("keep_until", "");
  }
  o.Finish();
  return c;
}

template <class V>
void ReadMapping(const std::string& where, const V& j, Mapping& m) {
  const FieldPath path("mapping");
  ObjectReader<V> o(where, j, path);
  m.scale = o.String("scale", m.scale);
  if (const std::optional<V> steps = o.Array("custom_intervals")) {
    m.custom_intervals.clear();
    const FieldPath steps_path = o.Path("custom_intervals");
    steps->ForEachItem([&](size_t i, const V& step) {
      m.custom_intervals.push_back(o.IntOf(step, steps_path.Item(i)));
    });
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

template <class V>
PaletteEntry ReadPaletteEntry(const std::string& where, const V& j, const FieldPath& path) {
  ObjectReader<V> o(where, j, path);
  PaletteEntry e;
  e.color = o.ColorOf(o.Required("color"), o.Path("color"));
  e.instrument = o.StringOf(o.Required("instrument"), o.Path("instrument"));
  e.display_name = o.String("name", e.instrument);
  e.sample = o.String("sample", "");
  o.Finish();
  return e;
}

template <class V>
Stroke ReadStroke(const std::string& where, const V& j, const FieldPath& path) {
  ObjectReader<V> o(where, j, path);
  Stroke s;
  s.color = o.ColorOf(o.Required("color"), o.Path("color"));
  s.width = o.Float("width", s.width);
  s.contributor = o.String("contributor", "");
  const V points = o.Required("points");
  const FieldPath points_path = o.Path("points");
  if (points.Type() != Kind::kArray)
    o.Fail(points_path,
           i18n::Fill(_("expected a list [...], got {type}"), {{"type", TypeName(points)}}));
  s.points.reserve(points.Size());
  points.ForEachItem([&](size_t i, const V& item) {
    const FieldPath point_path = points_path.Item(i);
    ObjectReader<V> p(where, item, point_path);
    StrokePoint point;
    point.beat = p.NumberOf(p.Required("beat"), p.Path("beat"));
    point.height = p.NumberOf(p.Required("height"), p.Path("height"));
    point.pressure = p.Float("pressure", 1.0f);
    p.Finish();
    s.points.push_back(point);
  });
  o.Finish();
  return s;
}

template <class V>
Layer ReadLayer(const std::string& where, const V& j, const FieldPath& path, const Score& score) {
  ObjectReader<V> o(where, j, path);
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
    if (const std::optional<V> strokes = o.Array("strokes")) {
      const FieldPath strokes_path = o.Path("strokes");
      layer.strokes.strokes.reserve(strokes->Size());
      strokes->ForEachItem([&](size_t i, const V& item) {
        layer.strokes.strokes.push_back(ReadStroke(where, item, strokes_path.Item(i)));
      });
    }
  } else {
    o.Fail(o.Path("kind"), i18n::Fill(_("expected \"image\" or \"strokes\" (got {value})"),
                                      {{"value", Quoted(kind)}}));
  }
  o.Finish();
  return layer;
}

template <class V>
void ReadNames(ObjectReader<V>& o, const char* key, std::vector<std::string>& out) {
  if (const std::optional<V> list = o.Array(key)) {
    const FieldPath list_path = o.Path(key);
    list->ForEachItem(
        [&](size_t i, const V& item) { out.push_back(o.StringOf(item, list_path.Item(i))); });
  }
}

template <class V>
Take ReadTake(const std::string& where, const V& j, const FieldPath& path, int format_version) {
  ObjectReader<V> o(where, j, path);
  Take t;
  t.file = o.StringOf(o.Required("file"), o.Path("file"));
  t.name = o.String("name", "");
  ReadNames(o, "players", t.players);
  // Format 1 stored the take's consent a second time, and it could contradict the players':
  // it is read and dropped, the players' consent decides (TakeAllowed).
  if (format_version < 2) o.Bool("consent_to_share", false);
  t.recorded_at = o.String("recorded_at", "");
  t.start_beat = o.Number("start_beat", 0);
  o.Finish();
  return t;
}

template <class V>
SampledInstrument ReadSampled(const std::string& where, const V& j, const FieldPath& path) {
  ObjectReader<V> o(where, j, path);
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
  ReadNames(o, "players", s.players);
  o.Finish();
  return s;
}

// Each item of the root's list `key` through `read(item, path)`.
template <class V, class F>
void ReadList(ObjectReader<V>& o, const char* key, F&& read) {
  if (const std::optional<V> list = o.Array(key)) {
    const FieldPath list_path = o.Path(key);
    list->ForEachItem([&](size_t i, const V& item) { read(item, list_path.Item(i)); });
  }
}

template <class V>
Score ReadScore(const V& root, const std::string& where) {
  const FieldPath root_path;
  ObjectReader<V> o(where, root, root_path);
  const V version = o.Required("format_version");
  const int format_version = o.IntOf(version, o.Path("format_version"));
  if (format_version > kScoreFormatVersion)
    o.Fail(root_path, i18n::Fill(_("was saved by a newer Graphony (format_version {version}; this "
                                   "version reads up to {supported})"),
                                 {{"version", std::to_string(format_version)},
                                  {"supported", std::to_string(kScoreFormatVersion)}}));
  if (format_version < 1) o.Fail(o.Path("format_version"), _("must be 1 or more"));

  Score score;
  score.title = o.String("title", score.title);
  score.date = o.String("date", "");
  ReadList(o, "contributors", [&](const V& item, const FieldPath& path) {
    score.contributors.push_back(ReadContributor(where, item, path, format_version));
  });
  score.tempo_bpm = o.Number("tempo_bpm", score.tempo_bpm);
  if (const std::optional<V> meter = o.Find("meter")) {
    const std::string text = o.StringOf(*meter, o.Path("meter"));
    auto parsed = ParseMeter(text);
    if (!parsed)
      o.Fail(o.Path("meter"), i18n::Fill(_("expected a time signature like \"4/4\" (got {value})"),
                                         {{"value", Quoted(text)}}));
    score.meter = *parsed;
  }
  score.length_beats = o.Number("length_beats", score.length_beats);
  if (const std::optional<V> mapping = o.Find("mapping"))
    ReadMapping(where, *mapping, score.mapping);
  if (const std::optional<V> list = o.Array("palette")) {
    const FieldPath list_path = o.Path("palette");
    list->ForEachItem([&](size_t i, const V& item) {
      score.palette.push_back(ReadPaletteEntry(where, item, list_path.Item(i)));
    });
  } else {
    score.palette = DefaultPalette();
  }
  ReadList(o, "layers", [&](const V& item, const FieldPath& path) {
    score.layers.push_back(ReadLayer(where, item, path, score));
  });
  ReadList(o, "sections", [&](const V& item, const FieldPath& path) {
    ObjectReader<V> s(where, item, path);
    SectionMarker marker;
    marker.beat = s.NumberOf(s.Required("beat"), s.Path("beat"));
    marker.label = s.String("label", "");
    s.Finish();
    score.sections.push_back(marker);
  });
  ReadList(o, "takes", [&](const V& item, const FieldPath& path) {
    score.takes.push_back(ReadTake(where, item, path, format_version));
  });
  ReadList(o, "sampled_instruments", [&](const V& item, const FieldPath& path) {
    score.sampled_instruments.push_back(ReadSampled(where, item, path));
  });
  score.soundfont = o.String("soundfont", "");
  score.language = o.String("language", "");
  o.Finish();
  ValidateScore(score, where);
  return score;
}

// The slow path, and the one whose messages people see for text that is not JSON.
Score ScoreFromNlohmann(const std::string& json_text, const std::string& where) {
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
  return ReadScore(json_view::NlohmannView(root), where);
}

}  // namespace

namespace testing {
void SetScoreJsonNlohmannOnlyForTesting(bool on) { g_nlohmann_only = on; }
}  // namespace testing

Contributor PersonFromJson(const Json& j, const std::string& where, const std::string& path) {
  const FieldPath field(path);
  return ReadContributor(where, json_view::NlohmannView(j), field, kScoreFormatVersion);
}

Score ScoreFromJson(const std::string& json_text, const std::string& where) {
  if (json_text.empty()) throw ScoreError(where + ": " + _("is empty"));
  if (!g_nlohmann_only.load(std::memory_order_relaxed)) {
    // simdjson parses a 16 MB score (5000 strokes) in a few tens of milliseconds, nlohmann's
    // DOM in hundreds. What simdjson refuses goes to nlohmann, which says why in its words (or
    // accepts it: nesting deeper than simdjson's 1024 levels, integers beyond 64 bits).
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(json_text).get(root) == simdjson::SUCCESS) {
      try {
        return ReadScore(json_view::SimdView(root), where);
      } catch (const json_view::NeedsNlohmann&) {
      }
    }
  }
  return ScoreFromNlohmann(json_text, where);
}

}  // namespace graphony
