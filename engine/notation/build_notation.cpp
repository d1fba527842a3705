// Building the notation model: quantise notes, split parts, cap polyphony, lay out measures.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/instrument_traits.h"
#include "notation/credits.h"
#include "notation/notation.h"

namespace graphony::notation {

namespace {

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

int SoundingAt(const std::vector<Chord>& voice, int tick) {
  if (voice.empty()) return 0;
  const Chord& c = voice.back();
  return c.start <= tick && tick < c.end ? static_cast<int>(c.pitches.size()) : 0;
}

void AddToChord(Chord& c, const QuantisedNote& n) {
  if (std::find(c.pitches.begin(), c.pitches.end(), n.midi) != c.pitches.end()) return;
  c.pitches.push_back(n.midi);
  c.velocities.push_back(n.velocity);
}

// At most two voices and `cap` simultaneous notes: chords join when they start together,
// a second voice takes overlaps, and anything more shortens the voice ending first.
std::vector<Chord> AssignVoices(std::vector<QuantisedNote> notes, int cap,
                                std::vector<Chord>* second) {
  std::sort(notes.begin(), notes.end(), [](const QuantisedNote& a, const QuantisedNote& b) {
    return a.start != b.start ? a.start < b.start : a.midi > b.midi;  // higher -> voice 1
  });
  std::vector<Chord> v[2];
  for (const QuantisedNote& n : notes) {
    const int sounding = SoundingAt(v[0], n.start) + SoundingAt(v[1], n.start);
    bool placed = false;
    for (auto& voice : v)  // a) same start and end: a chord
      if (!placed && !voice.empty() && voice.back().start == n.start && voice.back().end == n.end) {
        if (sounding < cap) AddToChord(voice.back(), n);
        placed = true;
      }
    for (auto& voice : v)  // b) a free voice
      if (!placed && (voice.empty() || voice.back().end <= n.start)) {
        if (sounding < cap) voice.push_back({n.start, n.end, {n.midi}, {n.velocity}});
        placed = true;
      }
    for (auto& voice : v)  // c) same start, other length: join and take the chord's length
      if (!placed && voice.back().start == n.start) {
        if (sounding < cap) AddToChord(voice.back(), n);
        placed = true;
      }
    if (!placed) {  // d) both voices busy: cut short the one ending first
      auto& voice = v[0].back().end <= v[1].back().end ? v[0] : v[1];
      voice.back().end = n.start;
      voice.push_back({n.start, n.end, {n.midi}, {n.velocity}});
    }
  }
  for (auto& voice : v)
    for (Chord& c : voice) {
      // Keep velocities paired with pitches while sorting ascending.
      std::vector<std::pair<int, float>> pv;
      for (size_t i = 0; i < c.pitches.size(); ++i) pv.push_back({c.pitches[i], c.velocities[i]});
      std::sort(pv.begin(), pv.end());
      for (size_t i = 0; i < pv.size(); ++i) c.pitches[i] = pv[i].first, c.velocities[i] = pv[i].second;
    }
  *second = std::move(v[1]);
  return std::move(v[0]);
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
      for (int piece : SplitIntoNoteValues(pos, stop - t, whole)) {
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

}  // namespace

NotationScore BuildNotation(const Score& score, const Events& events) {
  NotationScore ns;
  ns.title = score.title;
  ns.date = score.date;
  ns.credits = CreditLine(score.contributors);
  ns.tempo_bpm = std::clamp(events.tempo_bpm > 0 ? events.tempo_bpm : score.tempo_bpm,
                            kMinTempo, kMaxTempo);
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

  int channel = 0;
  for (auto& [index, notes] : by_instrument) {
    Part part;
    if (index >= 0 && index < static_cast<int>(events.instruments.size())) {
      const InstrumentRef& ref = events.instruments[static_cast<size_t>(index)];
      part.instrument = ref.name;
      part.name = ref.display_name.empty() ? ref.name : ref.display_name;
      part.r = ref.r, part.g = ref.g, part.b = ref.b;
    }
    if (part.name.empty()) part.name = "Part " + std::to_string(ns.parts.size() + 1);
    const InstrumentTraits* traits = FindInstrument(part.instrument);
    part.midi_program = traits ? traits->gm_program : 0;
    part.midi_channel = channel;
    channel = (channel + 1) % 16;
    if (channel == 9) channel = 10;  // channel 10 is General MIDI drums: keep it free

    std::vector<Chord> second;
    std::vector<Chord> first = AssignVoices(notes, cap, &second);
    long pitch_sum = 0, pitch_count = 0;
    for (const auto* voice : {&first, &second})
      for (const Chord& c : *voice)
        for (size_t i = 0; i < c.pitches.size(); ++i) {
          part.notes.push_back({c.start, c.end, c.pitches[i], c.velocities[i]});
          pitch_sum += c.pitches[i];
          ++pitch_count;
        }
    std::sort(part.notes.begin(), part.notes.end(),
              [](const QuantisedNote& a, const QuantisedNote& b) {
                return a.start != b.start ? a.start < b.start : a.midi < b.midi;
              });
    part.notes.erase(std::remove_if(part.notes.begin(), part.notes.end(),
                                    [](const QuantisedNote& q) { return q.end <= q.start; }),
                     part.notes.end());
    part.clef = pitch_count > 0 ? StaffClef(traits, static_cast<double>(pitch_sum) /
                                                        static_cast<double>(pitch_count))
                                : (traits && traits->clef ? *traits->clef : Clef::kTreble);
    part.measures.resize(static_cast<size_t>(ns.measure_count));
    LayOutVoice(first, ns, false, part.measures);
    LayOutVoice(second, ns, true, part.measures);
    ns.parts.push_back(std::move(part));
  }
  if (ns.parts.empty()) {
    Part part;
    part.name = events.instruments.empty() ? "Music" : events.instruments[0].display_name;
    if (part.name.empty()) part.name = "Music";
    if (!events.instruments.empty()) part.instrument = events.instruments[0].name;
    const InstrumentTraits* traits = FindInstrument(part.instrument);
    part.midi_program = traits ? traits->gm_program : 0;
    if (traits && traits->clef) part.clef = *traits->clef;
    part.measures.resize(static_cast<size_t>(ns.measure_count));
    LayOutVoice({}, ns, false, part.measures);
    ns.parts.push_back(std::move(part));
  }
  // A measure of nothing but rest prints as one whole-measure rest.
  for (Part& part : ns.parts)
    for (Measure& m : part.measures) {
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
      if (all_hidden) m.voice2.clear();
      else if (!m.voice2.empty()) {
        // Voice 2 must fill the measure too: pad its end with hidden spacing.
        int filled = m.voice2.back().start + m.voice2.back().ticks;
        for (int piece : SplitIntoNoteValues(filled, ns.TicksPerMeasure() - filled,
                                             ns.TicksPerWhole())) {
          Element pad;
          pad.start = filled;
          pad.ticks = piece;
          pad.hidden = true;
          m.voice2.push_back(pad);
          filled += piece;
        }
      }
    }
  return ns;
}

}  // namespace graphony::notation
