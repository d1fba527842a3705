// Building the notation model: quantise notes, split parts, cap polyphony, lay out measures.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/instrument_traits.h"
#include "notation/credits.h"
#include "notation/notation.h"

namespace graphony::notation {

namespace {

constexpr int kMiddleC = 60;

// A chord in one voice: notes that start and end together.
struct Chord {
  int start = 0, end = 0;
  std::vector<int> pitches;
  std::vector<float> velocities;
};

int PowerOfTwoAtMost(int value, int lo, int hi) {
  int p = lo;
  while (p * 2 <= value && p * 2 <= hi) p *= 2;
  return p;
}

int TicksOf(double beats) {
  const double t = std::round(beats * kTicksPerBeat);
  return static_cast<int>(std::clamp(t, 0.0, kMaxBeats * kTicksPerBeat));
}

// Snaps to the grid; the end never collapses onto the start.
QuantisedNote Quantise(const NoteEvent& n, int quantum) {
  QuantisedNote q;
  const int start = TicksOf(n.start_beat);
  const int end = TicksOf(n.start_beat + std::max(0.0, n.duration_beats));
  q.start = (start + quantum / 2) / quantum * quantum;
  q.end = std::max(q.start + quantum, (end + quantum / 2) / quantum * quantum);
  q.midi = std::clamp(n.quantised_pitch, kLowestMidi, kHighestMidi);
  q.velocity = std::clamp(n.velocity, 0.0f, 1.0f);
  return q;
}

// Keeps a chord's velocities paired with its pitches, ascending.
void SortChord(Chord& c) {
  std::vector<std::pair<int, float>> pv;
  for (size_t i = 0; i < c.pitches.size(); ++i) pv.push_back({c.pitches[i], c.velocities[i]});
  std::sort(pv.begin(), pv.end());
  for (size_t i = 0; i < pv.size(); ++i) c.pitches[i] = pv[i].first, c.velocities[i] = pv[i].second;
}

// The highest notes of `group` (sorted high to low) within an octave of its top, at most
// `limit` of them, removed from the group: one voice's chord.
Chord TakeCluster(std::vector<QuantisedNote>& group, int limit) {
  Chord c;
  if (group.empty() || limit <= 0) return c;
  const int top = group.front().midi;
  c.start = group.front().start;
  size_t taken = 0;
  while (taken < group.size() && static_cast<int>(taken) < limit && top - group[taken].midi <= 12) {
    c.pitches.push_back(group[taken].midi);
    c.velocities.push_back(group[taken].velocity);
    c.end = std::max(c.end, group[taken].end);
    ++taken;
  }
  group.erase(group.begin(), group.begin() + static_cast<long>(taken));
  SortChord(c);
  return c;
}

// Appends a chord to a voice, cutting the voice's sounding chord short where they overlap
// (the print simplifies; the MIDI keeps every note whole).
void Append(std::vector<Chord>& voice, Chord c) {
  if (!voice.empty() && voice.back().end > c.start) voice.back().end = c.start;
  voice.push_back(std::move(c));
}

// Two voices separated by pitch, as a copyist writes them: at each onset the highest notes
// within an octave go to voice 1, the next octave below to voice 2, and anything lower (or
// over `cap` notes) is left out of the print. Voice 2 never sits above voice 1 at an onset,
// and no chord in one voice spans more than an octave.
std::vector<Chord> AssignVoices(std::vector<QuantisedNote> notes, int cap,
                                std::vector<Chord>* second) {
  std::sort(notes.begin(), notes.end(), [](const QuantisedNote& a, const QuantisedNote& b) {
    return a.start != b.start ? a.start < b.start : a.midi > b.midi;
  });
  std::vector<Chord> v1, v2;
  for (size_t i = 0; i < notes.size();) {
    std::vector<QuantisedNote> group;
    size_t j = i;
    for (; j < notes.size() && notes[j].start == notes[i].start; ++j)
      if (group.empty() || group.back().midi != notes[j].midi) group.push_back(notes[j]);
    i = j;
    Chord upper = TakeCluster(group, cap);
    Chord lower = TakeCluster(group, cap - static_cast<int>(upper.pitches.size()));
    if (lower.pitches.empty()) {
      // One cluster: voice 1 when it is free, or when the cluster sits above what voice 1
      // holds; voice 2 when the cluster sits below voice 1's held chord and voice 2 is free.
      const bool v1_free = v1.empty() || v1.back().end <= upper.start;
      const bool v2_free = v2.empty() || v2.back().end <= upper.start;
      if (!v1_free && v2_free && upper.pitches.back() < v1.back().pitches.front())
        Append(v2, std::move(upper));
      else
        Append(v1, std::move(upper));
    } else {
      Append(v1, std::move(upper));
      Append(v2, std::move(lower));
    }
  }
  *second = std::move(v2);
  return v1;
}

// Moves a note into the instrument's playable range by octaves (the print is for a player).
int IntoRange(int midi, const InstrumentTraits* traits) {
  if (!traits || traits->highest_midi - traits->lowest_midi < 12) return midi;
  while (midi < traits->lowest_midi) midi += 12;
  while (midi > traits->highest_midi) midi -= 12;
  return midi;
}

// The written length, which may simplify what sounds (the MIDI keeps it whole): a struck or
// plucked note is written no longer than it rings and never tied over a barline (it fades
// by itself); a long held note ends on a beat.
void WriteLength(QuantisedNote& q, const InstrumentTraits* traits, const NotationScore& ns) {
  const int bar = ns.TicksPerMeasure();
  if (traits && !traits->sustains && traits->decay_seconds > 0) {
    const int ring = static_cast<int>(traits->decay_seconds * ns.tempo_bpm / 60.0 * kTicksPerBeat);
    const int next_bar = (q.start / bar + 1) * bar;
    q.end = std::max(q.start + ns.quantum,
                     std::min({q.end, q.start + std::max(ring, kTicksPerBeat), next_bar}));
    // It rings by itself, so a tie says nothing a player needs: write the longest single
    // value from its start.
    for (int len = q.end - q.start; len > ns.quantum; len -= ns.quantum)
      if (SplitIntoNoteValues(q.start % bar, len, ns.TicksPerWhole()).size() == 1) {
        q.end = q.start + len;
        break;
      }
  }
  if (q.end - q.start >= 2 * kTicksPerBeat) {
    // A long held note (a pad, a flute's long tone) is written from and to beats: an
    // off-beat start or a spill of a beat or less over the barline would only add ties.
    if (traits && traits->sustains) {
      const int start = (q.start + kTicksPerBeat / 2) / kTicksPerBeat * kTicksPerBeat;
      const int bar_end = (start / bar + 1) * bar;
      if (q.end > bar_end && q.end - bar_end <= kTicksPerBeat &&
          bar_end - start >= 2 * kTicksPerBeat)
        q.end = bar_end;
      if (start < q.end - kTicksPerBeat) q.start = start;
    }
    const int snapped = (q.end + kTicksPerBeat / 2) / kTicksPerBeat * kTicksPerBeat;
    if (snapped > q.start) q.end = snapped;
  }
}

// The clef that suits a part's notes: the instrument's own while the notes' median sits near
// it, else bass below middle C and treble above.
Clef ChooseClef(const InstrumentTraits* traits, std::vector<int> pitches) {
  if (traits && traits->untuned_percussion) return Clef::kPercussion;
  const std::optional<Clef> home = traits ? traits->clef : std::nullopt;
  if (pitches.empty()) return home.value_or(Clef::kTreble);
  std::nth_element(pitches.begin(), pitches.begin() + static_cast<long>(pitches.size() / 2),
                   pitches.end());
  const int median = pitches[pitches.size() / 2];
  if (home == Clef::kTreble && median >= 57) return Clef::kTreble;
  if (home == Clef::kBass && median <= 64) return Clef::kBass;
  return median < 60 ? Clef::kBass : Clef::kTreble;
}

// Writes one voice into the measures: chords split at barlines into tied note values,
// gaps become rests (voice 1) or hidden spacing (voice 2).
void LayOutVoice(const std::vector<Chord>& chords, const NotationScore& ns, bool second,
                 std::vector<Measure>& measures) {
  const int per_measure = ns.TicksPerMeasure();
  const int whole = ns.TicksPerWhole();
  auto emit = [&](int from, int to, const Chord* chord) {
    for (int t = from; t < to;) {
      const int m = t / per_measure;
      const int measure_end = (m + 1) * per_measure;
      const int stop = std::min(to, measure_end);
      auto& out = second ? measures[m].voice2 : measures[m].voice1;
      int pos = t - m * per_measure;
      for (int piece : SplitIntoNoteValues(pos, stop - t, whole, chord == nullptr)) {
        Element e;
        e.start = pos;
        e.ticks = piece;
        if (chord) {
          e.pitches = chord->pitches;
          const int at = m * per_measure + pos;
          e.tie_stop = at > from;
          e.tie_start = at + piece < to;
        } else {
          e.hidden = second;
        }
        out.push_back(e);
        pos += piece;
      }
      t = stop;
    }
  };
  int cursor = 0;
  const int total = ns.measure_count * per_measure;
  for (const Chord& c : chords) {
    if (c.start >= total || c.end <= c.start) continue;
    if (c.start > cursor) emit(cursor, c.start, nullptr);
    emit(c.start, std::min(c.end, total), &c);
    cursor = std::min(c.end, total);
  }
  if (!second) emit(cursor, total, nullptr);
}

// A measure of nothing but rest prints as one whole-measure rest; voice 2, when it has
// notes, fills the measure with hidden spacing.
void FinishMeasure(Measure& m, const NotationScore& ns) {
  bool all_rest = true;
  for (const Element& e : m.voice1) all_rest = all_rest && e.pitches.empty();
  if (all_rest) {
    Element rest;
    rest.ticks = ns.TicksPerMeasure();
    rest.whole_measure_rest = true;
    m.voice1 = {rest};
  }
  bool all_hidden = true;
  for (const Element& e : m.voice2) all_hidden = all_hidden && e.hidden;
  if (all_hidden)
    m.voice2.clear();
  else if (!m.voice2.empty()) {
    // Voice 2 must fill the measure too: pad its end with hidden spacing.
    int filled = m.voice2.back().start + m.voice2.back().ticks;
    for (int piece :
         SplitIntoNoteValues(filled, ns.TicksPerMeasure() - filled, ns.TicksPerWhole(), true)) {
      Element pad;
      pad.start = filled;
      pad.ticks = piece;
      pad.hidden = true;
      m.voice2.push_back(pad);
      filled += piece;
    }
  }
}

}  // namespace

bool PlaysOnGrandStaff(const InstrumentTraits* traits) {
  if (!traits || traits->kind == InstrumentKind::kSampler) return false;
  // Keyboards, and the harps (General MIDI program 46, orchestral harp).
  return traits->family == InstrumentFamily::kKeyboard || traits->gm_program == 46;
}

bool NeedsGrandStaff(const std::vector<QuantisedNote>& notes) {
  bool low = false, high = false;
  for (const QuantisedNote& q : notes) {
    low = low || q.midi <= kMiddleC - 12;
    high = high || q.midi >= kMiddleC + 12;
  }
  return low && high;
}

namespace {
bool PlaysAlmostNothing(const Part& part) {
  return static_cast<int>(part.notes.size()) < kFewestScoreNotes;
}
}  // namespace

std::vector<const Part*> ScoreStaves(const NotationScore& ns) {
  std::vector<const Part*> staves;
  for (const Part& part : ns.parts)
    if (!PlaysAlmostNothing(part)) staves.push_back(&part);
  if (staves.empty())  // a piece of a few notes: print them all rather than nothing
    for (const Part& part : ns.parts) staves.push_back(&part);
  return staves;
}

std::vector<std::string> LeftOutOfScore(const NotationScore& ns) {
  std::vector<std::string> lines;
  if (ScoreStaves(ns).size() == ns.parts.size()) return lines;
  for (const Part& part : ns.parts) {
    if (!PlaysAlmostNothing(part)) continue;
    std::set<int> bars;
    for (const QuantisedNote& q : part.notes) bars.insert(q.start / ns.TicksPerMeasure() + 1);
    std::string where;
    size_t i = 0;
    for (int bar : bars) {
      // TRANSLATORS: between bar numbers in a list, "bars 1, 3 and 7" (Chinese: "、")
      where += i == 0 ? "" : (i + 1 == bars.size() ? _(" and ") : _(", "));
      where += std::to_string(bar);
      ++i;
    }
    // TRANSLATORS: {bars} is one bar number, or a list such as "1, 3 and 7"
    where = i18n::Fill(i18n::TranslatePlural("bar {bars}", "bars {bars}", bars.size()),
                       {{"bars", where}});
    const size_t n = part.notes.size();
    // TRANSLATORS: a part of a few notes that the full score does not print as a staff; {where}
    // is "bar 3" or "bars 3 and 7"
    lines.push_back(i18n::Fill(
        i18n::TranslatePlural("{part}: {count} note, {where} \u2014 left out of the score",
                              "{part}: {count} notes, {where} \u2014 left out of the score", n),
        {{"part", part.name}, {"count", std::to_string(n)}, {"where", where}}));
  }
  return lines;
}

NotationScore BuildNotation(const Score& score, const Events& events,
                            const NotationOptions& options) {
  NotationScore ns;
  ns.easy = options.easy;
  ns.title = score.title;
  ns.date = score.date;
  ns.credits = CreditLine(score.contributors);
  ns.tempo_bpm =
      std::clamp(events.tempo_bpm > 0 ? events.tempo_bpm : score.tempo_bpm, kMinTempo, kMaxTempo);
  ns.beats_per_measure = std::clamp(score.meter.numerator, 1, 32);
  ns.beat_unit = PowerOfTwoAtMost(std::max(1, score.meter.denominator), 1, 16);
  ns.key_fifths = KeyFifths(score.mapping, &ns.minor);
  ns.quantum = PowerOfTwoAtMost(TicksOf(score.mapping.grid), 1, ns.TicksPerMeasure());
  const int cap = std::clamp(score.mapping.max_polyphony, 1, 8);

  // One part per instrument that has notes, in palette order.
  std::map<int, std::vector<QuantisedNote>> by_instrument;
  int last_tick = TicksOf(std::max(score.length_beats, events.length_beats));
  for (const NoteEvent& n : events.notes) {
    if (!std::isfinite(n.start_beat) || !std::isfinite(n.duration_beats) || n.start_beat < 0)
      continue;
    const QuantisedNote q = Quantise(n, ns.quantum);
    by_instrument[n.instrument].push_back(q);
    last_tick = std::max(last_tick, q.end);
  }
  ns.measure_count = std::max(1, (last_tick + ns.TicksPerMeasure() - 1) / ns.TicksPerMeasure());

  // Who plays each part: the contributors of its notes and the picture (consent-aware).
  std::map<int, std::set<std::string>> ids;
  std::map<int, bool> picture;
  for (const NoteEvent& n : events.notes) {
    if (!n.contributor.empty()) ids[n.instrument].insert(n.contributor);
    if (n.layer >= 0 && n.layer < static_cast<int>(score.layers.size()) &&
        score.layers[static_cast<size_t>(n.layer)].kind == Layer::Kind::kImage)
      picture[n.instrument] = true;
  }

  int channel = 0;
  for (auto& [index, notes] : by_instrument) {
    Part part;
    if (index >= 0 && index < static_cast<int>(events.instruments.size())) {
      const InstrumentRef& ref = events.instruments[static_cast<size_t>(index)];
      part.instrument = ref.name;
      part.name = ref.display_name.empty() ? ref.name : ref.display_name;
      // A name from the instruments table prints in the print's language; a name the group
      // gave the colour prints as they wrote it.
      if (const InstrumentTraits* t = FindInstrument(ref.name); t && part.name == t->display_name)
        part.name = _(std::string(t->display_name).c_str());
      part.r = ref.r, part.g = ref.g, part.b = ref.b;
    }
    if (part.name.empty())
      // TRANSLATORS: the name of a printed part whose colour has no name; {number} is 1, 2...
      part.name = i18n::Fill(_("Part {number}"), {{"number", std::to_string(ns.parts.size() + 1)}});
    part.players = JoinNames(PlayerNames(score, ids[index], picture[index]));
    const InstrumentTraits* traits = FindInstrument(part.instrument);
    part.midi_program = traits ? traits->gm_program : 0;
    part.percussion = traits && traits->untuned_percussion;
    part.transposition = traits && !part.percussion ? traits->transposition : 0;
    if (part.percussion) {
      part.midi_channel = 9;  // General MIDI drums: channel 10
    } else {
      part.midi_channel = channel;
      channel = (channel + 1) % 16;
      if (channel == 9) channel = 10;  // channel 10 is General MIDI drums: keep it free
    }

    for (QuantisedNote& q : notes) {
      q.midi = IntoRange(q.midi, traits);
      WriteLength(q, traits, ns);
      // Parts are written as the player reads them: a clarinet in B-flat a tone above what
      // sounds (written = sounding - transposition; exports say how it sounds).
      q.midi -= part.transposition;
    }
    if (options.easy)
      SimplifyForBeginners(notes, traits ? traits->lowest_midi : kLowestMidi,
                           traits ? traits->highest_midi : kHighestMidi, ns);
    // Each staff has its own two voices, so a grand staff's voices never cross: the split
    // is by pitch at middle C, and each hand keeps the score's polyphony cap.
    part.grand_staff = PlaysOnGrandStaff(traits) && NeedsGrandStaff(notes);
    std::vector<QuantisedNote> low;
    if (part.grand_staff) {
      for (const QuantisedNote& q : notes)
        if (q.midi < kMiddleC) low.push_back(q);
      notes.erase(std::remove_if(notes.begin(), notes.end(),
                                 [](const QuantisedNote& q) { return q.midi < kMiddleC; }),
                  notes.end());
    }
    std::vector<Chord> second, low_second;
    std::vector<Chord> first = AssignVoices(notes, cap, &second);
    std::vector<Chord> low_first = AssignVoices(low, cap, &low_second);
    std::vector<int> pitches;
    for (const auto* voice : {&first, &second, &low_first, &low_second})
      for (const Chord& c : *voice)
        for (size_t i = 0; i < c.pitches.size(); ++i) {
          part.notes.push_back({c.start, c.end, c.pitches[i], c.velocities[i]});
          pitches.push_back(c.pitches[i]);
        }
    std::sort(part.notes.begin(), part.notes.end(),
              [](const QuantisedNote& a, const QuantisedNote& b) {
                return a.start != b.start ? a.start < b.start : a.midi < b.midi;
              });
    part.notes.erase(std::remove_if(part.notes.begin(), part.notes.end(),
                                    [](const QuantisedNote& q) { return q.end <= q.start; }),
                     part.notes.end());
    part.clef = part.grand_staff ? Clef::kTreble : ChooseClef(traits, std::move(pitches));
    part.measures.resize(static_cast<size_t>(ns.measure_count));
    LayOutVoice(first, ns, false, part.measures);
    LayOutVoice(second, ns, true, part.measures);
    if (part.grand_staff) {
      part.lower.resize(static_cast<size_t>(ns.measure_count));
      LayOutVoice(low_first, ns, false, part.lower);
      LayOutVoice(low_second, ns, true, part.lower);
    }
    ns.parts.push_back(std::move(part));
  }
  if (ns.parts.empty()) {
    Part part;
    // TRANSLATORS: the name of the one empty part of a score where nothing plays yet
    part.name = events.instruments.empty() ? _("Music") : events.instruments[0].display_name;
    if (part.name.empty()) part.name = _("Music");
    if (!events.instruments.empty()) part.instrument = events.instruments[0].name;
    const InstrumentTraits* traits = FindInstrument(part.instrument);
    part.midi_program = traits ? traits->gm_program : 0;
    if (traits && traits->clef) part.clef = *traits->clef;
    part.percussion = traits && traits->untuned_percussion;
    if (part.percussion) part.midi_channel = 9;
    part.measures.resize(static_cast<size_t>(ns.measure_count));
    LayOutVoice({}, ns, false, part.measures);
    ns.parts.push_back(std::move(part));
  }
  // A measure of nothing but rest prints as one whole-measure rest.
  for (Part& part : ns.parts)
    for (Measure& m : part.measures) FinishMeasure(m, ns);
  for (Part& part : ns.parts)
    for (Measure& m : part.lower) FinishMeasure(m, ns);
  return ns;
}

}  // namespace graphony::notation
