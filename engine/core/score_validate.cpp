// Range and reference checks for a Score, with messages a facilitator can act on.
#include <algorithm>
#include <cmath>
#include <set>

#include "core/file_io.h"
#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/instrument_traits.h"
#include "core/people.h"
#include "core/pitch.h"
#include "core/score_io.h"
#include "core/score_language.h"
#include "core/score_text.h"

namespace graphony {

namespace {

// Bounds on counts: enough for any real group session, small enough to keep memory sane.
constexpr size_t kMaxLayers = 1000;
constexpr size_t kMaxPaletteEntries = 64;
constexpr size_t kMaxTotalPoints = 5'000'000;
constexpr int kMaxRows = 4096;
constexpr int kMaxPolyphony = 16;

class Checker {
 public:
  explicit Checker(const std::string& where) : where_(where) {}

  [[noreturn]] void Fail(const std::string& message) const {
    throw ScoreError(where_ + ": " + message);
  }

  void Finite(const std::string& name, double value) const {
    if (!std::isfinite(value))
      Fail(i18n::Fill(_("{name} must be a finite number"), {{"name", name}}));
  }
  // `unit`: a translated word after the upper bound ("bpm", "beats", "(MIDI)"), or none.
  void Range(const std::string& name, double value, double lo, double hi,
             const char* unit = nullptr) const {
    Finite(name, value);
    if (value < lo || value > hi)
      Fail(i18n::Fill(unit ? _("{name} must be between {low} and {high} {unit} (got {value})")
                           : _("{name} must be between {low} and {high} (got {value})"),
                      {{"name", name},
                       {"low", FormatNumber(lo)},
                       {"high", FormatNumber(hi)},
                       {"unit", unit ? unit : ""},
                       {"value", FormatNumber(value)}}));
  }
  void SafePath(const std::string& name, const std::string& file) const {
    if (!IsSafeRelativePath(file))
      Fail(i18n::Fill(_("{name} must be a relative path inside the score's folder, without "
                        "\"..\" (got {value})"),
                      {{"name", name}, {"value", QuoteText(file)}}));
  }

 private:
  const std::string& where_;
};

std::string At(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

void CheckMapping(const Checker& c, const Mapping& m) {
  if (!ScaleDegrees(m.scale) && m.scale != "custom") {
    std::string names;
    for (const auto& n : KnownScaleNames()) names += (names.empty() ? "" : ", ") + n;
    c.Fail("mapping.scale: " + i18n::Fill(_("unknown scale {name} (known: {known})"),
                                          {{"name", QuoteText(m.scale)}, {"known", names}}));
  }
  if (m.scale == "custom") {
    if (m.custom_intervals.empty())
      c.Fail(std::string("mapping.custom_intervals ") +
             _("must list the semitone steps of a \"custom\" scale"));
    int total = 0;
    for (size_t i = 0; i < m.custom_intervals.size(); ++i) {
      const int step = m.custom_intervals[i];
      if (step < 1 || step > 12)
        c.Fail(i18n::Fill(
            _("{name} must be between 1 and 12 semitones (got {value})"),
            {{"name", At("mapping.custom_intervals", i)}, {"value", std::to_string(step)}}));
      total += step;
    }
    if (total > 12)
      c.Fail(std::string("mapping.custom_intervals ") +
             i18n::Fill(_("must add up to at most 12 semitones (an octave; got {value})"),
                        {{"value", std::to_string(total)}}));
  }
  c.Range("mapping.root", m.root, kLowestMidi, kHighestMidi, _("(MIDI)"));
  c.Range("mapping.lowest", m.lowest, kLowestMidi, kHighestMidi, _("(MIDI)"));
  c.Range("mapping.highest", m.highest, kLowestMidi, kHighestMidi, _("(MIDI)"));
  if (!(m.lowest < m.highest))
    c.Fail(i18n::Fill(_("{low_name} must be below {high_name} (got {low} and {high})"),
                      {{"low_name", "mapping.lowest"},
                       {"high_name", "mapping.highest"},
                       {"low", FormatNumber(m.lowest)},
                       {"high", FormatNumber(m.highest)}}));
  if (m.scale != "none" && ScaleNotesInRange(m).empty())
    c.Fail(std::string("mapping: ") + _("no note of the scale lies between lowest and highest"));
  c.Range("mapping.grid", m.grid, 1.0 / 64, 16, _("beats"));
  c.Range("mapping.max_polyphony", m.max_polyphony, 1, kMaxPolyphony);
  c.Range("mapping.max_notes_per_beat", m.max_notes_per_beat, 1, 64);
}

void CheckPalette(const Checker& c, const std::vector<PaletteEntry>& palette) {
  if (palette.empty()) c.Fail(_("palette must have at least one colour"));
  if (palette.size() > kMaxPaletteEntries)
    c.Fail(i18n::Fill(
        _("palette has {count} colours; at most {max} are allowed"),
        {{"count", std::to_string(palette.size())}, {"max", std::to_string(kMaxPaletteEntries)}}));
  for (size_t i = 0; i < palette.size(); ++i) {
    const PaletteEntry& e = palette[i];
    const InstrumentTraits* traits = FindInstrument(e.instrument);
    if (!traits)
      c.Fail(At("palette", i) + ".instrument: " +
             i18n::Fill(_("unknown instrument {name} (known: {known})"),
                        {{"name", QuoteText(e.instrument)}, {"known", InstrumentNameList()}}));
    if (traits && traits->kind == InstrumentKind::kSampler && e.sample.empty())
      c.Fail(At("palette", i) + ".sample: " + _("a \"sampler\" needs a sample file"));
    if (!e.sample.empty()) c.SafePath(At("palette", i) + ".sample", e.sample);
  }
}

void CheckStrokes(const Checker& c, const std::string& path, const StrokeLayer& layer,
                  const std::set<std::string>& ids, size_t& total_points) {
  for (size_t s = 0; s < layer.strokes.size(); ++s) {
    const Stroke& stroke = layer.strokes[s];
    const std::string sp = At(path + ".strokes", s);
    if (!stroke.contributor.empty() && !ids.count(stroke.contributor))
      c.Fail(sp + ".contributor: " +
             i18n::Fill(_("no contributor has id {id}"), {{"id", QuoteText(stroke.contributor)}}));
    c.Range(sp + ".width", stroke.width, 0, 1);
    if (stroke.points.empty()) c.Fail(sp + ".points: " + _("a stroke needs at least one point"));
    total_points += stroke.points.size();
    if (total_points > kMaxTotalPoints)
      c.Fail(i18n::Fill(_("too many stroke points (more than {max})"),
                        {{"max", std::to_string(kMaxTotalPoints)}}));
    for (size_t p = 0; p < stroke.points.size(); ++p) {
      const StrokePoint& point = stroke.points[p];
      const std::string pp = At(sp + ".points", p);
      c.Range(pp + ".beat", point.beat, 0, kMaxBeats);
      c.Range(pp + ".height", point.height, 0, 1);
      c.Range(pp + ".pressure", point.pressure, 0, 1);
    }
  }
}

void CheckImage(const Checker& c, const std::string& path, const ImageLayer& im) {
  c.SafePath(path + ".file", im.file);
  c.Range(path + ".start_beat", im.start_beat, 0, kMaxBeats);
  c.Range(path + ".length_beats", im.length_beats, 0, kMaxBeats);
  if (im.length_beats <= 0)
    c.Fail(i18n::Fill(_("{name} must be more than 0"), {{"name", path + ".length_beats"}}));
  c.Range(path + ".bottom", im.bottom, 0, 1);
  c.Range(path + ".top", im.top, 0, 1);
  if (!(im.bottom < im.top))
    c.Fail(i18n::Fill(_("{low_name} must be below {high_name} (got {low} and {high})"),
                      {{"low_name", path + ".bottom"},
                       {"high_name", path + ".top"},
                       {"low", FormatNumber(im.bottom)},
                       {"high", FormatNumber(im.top)}}));
  c.Range(path + ".opacity", im.opacity, 0, 1);
  c.Range(path + ".rows", im.rows, 0, kMaxRows);
}

}  // namespace

void ValidateScore(const Score& score, const std::string& where) {
  const Checker c(where);
  c.Range("tempo", score.tempo_bpm, kMinTempo, kMaxTempo, _("bpm"));
  c.Finite("length_beats", score.length_beats);
  if (score.length_beats <= 0 || score.length_beats > kMaxBeats)
    c.Fail(i18n::Fill(
        _("length_beats must be more than 0 and at most {max} (got {value})"),
        {{"max", FormatNumber(kMaxBeats)}, {"value", FormatNumber(score.length_beats)}}));
  const int den = score.meter.denominator;
  if (score.meter.numerator < 1 || score.meter.numerator > 32 || den < 1 || den > 32 ||
      (den & (den - 1)) != 0)
    c.Fail(i18n::Fill(_("meter must look like 4/4: 1 to 32 beats over 1, 2, 4, 8, 16 or 32 (got "
                        "{value})"),
                      {{"value", FormatMeter(score.meter)}}));

  std::set<std::string> ids;
  for (size_t i = 0; i < score.contributors.size(); ++i) {
    const std::string& id = score.contributors[i].id;
    if (id.empty())
      c.Fail(i18n::Fill(_("{name} must not be empty"), {{"name", At("contributors", i) + ".id"}}));
    if (!ids.insert(id).second)
      c.Fail(i18n::Fill(_("{name} {value} is used twice"),
                        {{"name", At("contributors", i) + ".id"}, {"value", QuoteText(id)}}));
    const std::string& keep = score.contributors[i].consent.keep_until;
    if (!keep.empty() && !IsIsoDate(keep))
      c.Fail(At("contributors", i) + ".keep_until: " +
             i18n::Fill(_("expected a date like 2027-06-30 (got {value})"),
                        {{"value", QuoteText(keep)}}));
  }
  CheckScoreLanguage(score.language, where);
  CheckMapping(c, score.mapping);
  CheckPalette(c, score.palette);

  if (score.layers.size() > kMaxLayers)
    c.Fail(i18n::Fill(
        _("too many layers ({count}; at most {max})"),
        {{"count", std::to_string(score.layers.size())}, {"max", std::to_string(kMaxLayers)}}));
  size_t total_points = 0;
  for (size_t i = 0; i < score.layers.size(); ++i) {
    const Layer& layer = score.layers[i];
    switch (layer.kind) {
      case Layer::Kind::kImage:
        CheckImage(c, At("layers", i), layer.image);
        break;
      case Layer::Kind::kStrokes:
        CheckStrokes(c, At("layers", i), layer.strokes, ids, total_points);
        break;
    }
  }
  for (size_t i = 0; i < score.sections.size(); ++i)
    c.Range(At("sections", i) + ".beat", score.sections[i].beat, 0, score.length_beats);
  for (size_t i = 0; i < score.takes.size(); ++i) {
    const Take& take = score.takes[i];
    c.SafePath(At("takes", i) + ".file", take.file);
    c.Range(At("takes", i) + ".start_beat", take.start_beat, 0, kMaxBeats);
    for (size_t p = 0; p < take.players.size(); ++p)
      if (!ids.count(take.players[p]))
        c.Fail(At("takes", i) + ".players[" + std::to_string(p) + "]: " +
               i18n::Fill(_("no contributor has id {id}"), {{"id", QuoteText(take.players[p])}}));
  }
  // Sampled instruments: the loop must lie inside the sample (checked against its frames when
  // it is decoded, synth/sample_loader.cpp); here, that the numbers make sense at all.
  std::set<std::string> sample_files;
  for (size_t i = 0; i < score.sampled_instruments.size(); ++i) {
    const SampledInstrument& si = score.sampled_instruments[i];
    const std::string at = At("sampled_instruments", i);
    c.SafePath(at + ".file", si.file);
    if (!sample_files.insert(si.file).second)
      c.Fail(i18n::Fill(_("{name} {value} is used twice"),
                        {{"name", at + ".file"}, {"value", QuoteText(si.file)}}));
    if (!si.take.empty()) c.SafePath(at + ".take", si.take);
    c.Range(at + ".from_seconds", si.from_seconds, 0, 3600);
    c.Range(at + ".to_seconds", si.to_seconds, si.from_seconds, 3600);
    c.Range(at + ".root_midi", si.root_midi, kLowestMidi, kHighestMidi);
    const bool looped = si.loop_start != 0 || si.loop_end != 0;
    if (looped && !(si.crossfade >= 0 && si.crossfade <= si.loop_start &&
                    si.loop_start + 2 * si.crossfade < si.loop_end))
      c.Fail(at +
             ": the loop needs 0 <= crossfade <= loop_start and loop_start + 2 x crossfade "
             "< loop_end (got " +
             std::to_string(si.loop_start) + ".." + std::to_string(si.loop_end) + ", crossfade " +
             std::to_string(si.crossfade) + ")");
    for (size_t p = 0; p < si.players.size(); ++p)
      if (!ids.count(si.players[p]))
        c.Fail(at + ".players[" + std::to_string(p) + "]: " +
               i18n::Fill(_("no contributor has id {id}"), {{"id", QuoteText(si.players[p])}}));
  }
}

}  // namespace graphony
