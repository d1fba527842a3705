// Standard MIDI File type 1 writer: the performance (every sounding note as it plays), not
// the printed simplification: a tempo track, then one track per instrument, gesture and scan.
#include <algorithm>
#include <cmath>
#include <map>

#include "notation/writers.h"

namespace graphony::notation {

namespace {

constexpr int kPpq = 480;

void Put32(std::vector<uint8_t>& out, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<uint8_t>(v >> s));
}
void PutVarLen(std::vector<uint8_t>& out, uint32_t v) {
  uint8_t bytes[5];
  int n = 0;
  bytes[n++] = v & 0x7f;
  while (v >>= 7) bytes[n++] = static_cast<uint8_t>((v & 0x7f) | 0x80);
  while (n > 0) out.push_back(bytes[--n]);
}

struct TimedMessage {
  uint32_t tick;
  int order;  // at equal ticks: note-offs before note-ons
  std::vector<uint8_t> bytes;
};

void PutMeta(std::vector<TimedMessage>& track, uint32_t tick, uint8_t type,
             const std::string& data) {
  std::vector<uint8_t> b{0xff, type};
  PutVarLen(b, static_cast<uint32_t>(data.size()));
  b.insert(b.end(), data.begin(), data.end());
  track.push_back({tick, 0, b});
}

void AppendTrack(std::vector<uint8_t>& out, std::vector<TimedMessage> events) {
  std::stable_sort(events.begin(), events.end(), [](const TimedMessage& a, const TimedMessage& b) {
    return a.tick != b.tick ? a.tick < b.tick : a.order < b.order;
  });
  std::vector<uint8_t> data;
  uint32_t now = 0;
  for (const TimedMessage& e : events) {
    PutVarLen(data, e.tick - now);
    now = e.tick;
    data.insert(data.end(), e.bytes.begin(), e.bytes.end());
  }
  data.insert(data.end(), {0x00, 0xff, 0x2f, 0x00});  // end of track
  out.insert(out.end(), {'M', 'T', 'r', 'k'});
  Put32(out, static_cast<uint32_t>(data.size()));
  out.insert(out.end(), data.begin(), data.end());
}

// A track being built: its messages, on one channel with one program.
struct Track {
  std::string name;
  uint8_t channel = 0;
  std::vector<TimedMessage> messages;
};

uint8_t Velocity(double level) {
  return static_cast<uint8_t>(std::clamp(std::lround(level * 127), 1l, 127l));
}

// Pitch bend range in semitones that gesture channels are set to (RPN 0): a gesture glides
// this far either side of the note it starts on before a new note is struck.
constexpr int kBendRange = 12;

void PutBend(Track& t, uint32_t tick, double semitones) {
  const long v = std::clamp(std::lround(8192 + semitones / kBendRange * 8192), 0l, 16383l);
  t.messages.push_back({tick,
                        1,
                        {static_cast<uint8_t>(0xe0 | t.channel), static_cast<uint8_t>(v & 0x7f),
                         static_cast<uint8_t>(v >> 7)}});
}

void PutNote(Track& t, uint32_t on, uint32_t off, int key, uint8_t vel) {
  const uint8_t k = static_cast<uint8_t>(std::clamp(key, 0, 127));
  if (off <= on) off = on + 1;
  t.messages.push_back({on, 2, {static_cast<uint8_t>(0x90 | t.channel), k, vel}});
  t.messages.push_back({off, 0, {static_cast<uint8_t>(0x80 | t.channel), k, 0x40}});
}

}  // namespace

std::vector<uint8_t> ToMidiFile(const NotationScore& ns, const Events& events) {
  // One beat (a meter denominator unit) is 4 * kPpq / beat_unit MIDI ticks.
  const double ticks_per_beat = 4.0 * kPpq / ns.beat_unit;
  auto tick_of = [&](double beat) {
    return static_cast<uint32_t>(std::clamp(std::lround(beat * ticks_per_beat), 0l, 0x0fffffffl));
  };
  const int instrument_count = static_cast<int>(events.instruments.size());
  auto program_of = [&](int instrument) {
    if (instrument < 0 || instrument >= instrument_count) return 0;
    const InstrumentTraits* traits = FindInstrument(events.instruments[instrument].name);
    return traits ? traits->gm_program : 0;
  };
  auto drums_of = [&](int instrument) {
    if (instrument < 0 || instrument >= instrument_count) return false;
    const InstrumentTraits* traits = FindInstrument(events.instruments[instrument].name);
    return traits && traits->untuned_percussion;
  };
  auto name_of = [&](int instrument) -> std::string {
    if (instrument < 0 || instrument >= instrument_count) return "Music";
    const InstrumentRef& ref = events.instruments[instrument];
    return ref.display_name.empty() ? ref.name : ref.display_name;
  };
  // Channels 0..15 without 9 (General MIDI drums), shared round robin when there are more
  // tracks than channels.
  int next_channel = 0;
  auto new_track = [&](std::vector<Track>& tracks, const std::string& name, int program,
                       bool drums = false) {
    Track t;
    t.name = name;
    if (drums) {
      t.channel = 9;  // untuned percussion: the GM drum channel, its program picks the kit
    } else {
      t.channel = static_cast<uint8_t>(next_channel);
      next_channel = (next_channel + 1) % 16;
      if (next_channel == 9) next_channel = 10;
    }
    PutMeta(t.messages, 0, 0x03, name);
    t.messages.push_back(
        {0, 0, {static_cast<uint8_t>(0xc0 | t.channel), static_cast<uint8_t>(program & 0x7f)}});
    tracks.push_back(std::move(t));
    return tracks.size() - 1;
  };
  std::vector<Track> tracks;
  std::map<int, size_t> note_track;  // instrument -> track
  uint32_t last_tick = tick_of(ns.measure_count * ns.beats_per_measure);

  // Every sounding note exactly as it plays: start, length, pitch, velocity, instrument.
  for (const NoteEvent& n : events.notes) {
    if (!n.sounding || !std::isfinite(n.start_beat) || !std::isfinite(n.duration_beats)) continue;
    auto it = note_track.find(n.instrument);
    if (it == note_track.end())
      it = note_track
               .emplace(n.instrument, new_track(tracks, name_of(n.instrument),
                                                program_of(n.instrument), drums_of(n.instrument)))
               .first;
    const uint32_t on = tick_of(n.start_beat);
    const uint32_t off = tick_of(n.start_beat + std::max(0.0, n.duration_beats));
    PutNote(tracks[it->second], on, off, n.quantised_pitch, Velocity(n.velocity));
    last_tick = std::max(last_tick, off);
  }
  // Gestures: one note per gesture on a channel of their own, its glide as pitch bends
  // (range kBendRange, set by RPN 0) and its loudness as expression (CC 11).
  for (size_t g = 0; g < events.gestures.size(); ++g) {
    const GestureEvent& ge = events.gestures[g];
    if (ge.points.size() < 1 || !std::isfinite(ge.StartBeat())) continue;
    size_t ti = new_track(tracks, name_of(ge.instrument) + " gesture " + std::to_string(g + 1),
                          program_of(ge.instrument));
    Track& t = tracks[ti];
    const uint8_t ch = t.channel;
    for (auto [cc, v] :
         {std::pair{101, 0}, {100, 0}, {6, kBendRange}, {38, 0}, {101, 127}, {100, 127}})
      t.messages.push_back(
          {0,
           0,
           {static_cast<uint8_t>(0xb0 | ch), static_cast<uint8_t>(cc), static_cast<uint8_t>(v)}});
    int key = static_cast<int>(std::lround(ge.points.front().pitch));
    uint32_t on = tick_of(ge.StartBeat());
    PutBend(t, on, ge.points.front().pitch - key);
    for (size_t i = 0; i < ge.points.size(); ++i) {
      const GesturePoint& p = ge.points[i];
      const uint32_t at = tick_of(p.beat);
      if (std::abs(p.pitch - key) > kBendRange - 1 && i + 1 < ge.points.size()) {
        // Beyond the bend range: end this note and strike the next one here.
        PutNote(t, on, at, key, Velocity(0.8));
        key = static_cast<int>(std::lround(p.pitch));
        on = at;
      }
      PutBend(t, at, p.pitch - key);
      t.messages.push_back(
          {at,
           1,
           {static_cast<uint8_t>(0xb0 | ch), 11, static_cast<uint8_t>(Velocity(p.loudness))}});
    }
    const uint32_t end = std::max(on + 1, tick_of(ge.EndBeat()));
    PutNote(t, on, end, key, Velocity(0.8));
    last_tick = std::max(last_tick, end);
  }
  // Scan banks (additive partials from the picture's columns): each row that sounds becomes
  // notes at its nearest MIDI pitch, one per run of columns above the threshold, with the
  // run's peak amplitude as velocity. The documented equivalent of the drone's partials.
  constexpr float kScanThreshold = 0.05f;
  for (const PartialBank& bank : events.banks) {
    if (bank.columns <= 0 || bank.rows.empty()) continue;
    size_t ti =
        new_track(tracks, name_of(bank.instrument) + " (scan)", program_of(bank.instrument));
    const double column_beats = bank.length_beats / bank.columns;
    for (const PartialRow& row : bank.rows) {
      if (!(row.frequency_hz > 0)) continue;
      const int key = static_cast<int>(std::lround(69 + 12 * std::log2(row.frequency_hz / 440.0)));
      int run_start = -1;
      float peak = 0;
      const int cols = std::min<int>(bank.columns, static_cast<int>(row.amplitude.size()));
      for (int c = 0; c <= cols; ++c) {
        const bool on = c < cols && row.amplitude[c] >= kScanThreshold;
        if (on) {
          if (run_start < 0) run_start = c, peak = 0;
          peak = std::max(peak, row.amplitude[c]);
        } else if (run_start >= 0) {
          const uint32_t a = tick_of(bank.start_beat + run_start * column_beats);
          const uint32_t b = tick_of(bank.start_beat + c * column_beats);
          PutNote(tracks[ti], a, b, key, Velocity(peak));
          last_tick = std::max(last_tick, b);
          run_start = -1;
        }
      }
    }
  }

  std::vector<uint8_t> out{'M', 'T', 'h', 'd'};
  Put32(out, 6);
  const size_t track_count = tracks.size() + 1;
  out.insert(out.end(), {0x00, 0x01, static_cast<uint8_t>(track_count >> 8),
                         static_cast<uint8_t>(track_count & 0xff), kPpq >> 8, kPpq & 0xff});
  std::vector<TimedMessage> conductor;
  PutMeta(conductor, 0, 0x03, ns.title);
  const uint32_t us_per_quarter =
      static_cast<uint32_t>(std::clamp(std::lround(60e6 / ns.QuarterBpm()), 1l, 0xffffffl));
  PutMeta(conductor, 0, 0x51,
          std::string{static_cast<char>(us_per_quarter >> 16),
                      static_cast<char>((us_per_quarter >> 8) & 0xff),
                      static_cast<char>(us_per_quarter & 0xff)});
  int log2_unit = 0;
  while ((1 << log2_unit) < ns.beat_unit) ++log2_unit;
  PutMeta(
      conductor, 0, 0x58,
      std::string{static_cast<char>(ns.beats_per_measure), static_cast<char>(log2_unit), 24, 8});
  PutMeta(conductor, last_tick, 0x01, "");  // the file lasts to the final barline or last note
  AppendTrack(out, conductor);
  for (Track& t : tracks) AppendTrack(out, std::move(t.messages));
  return out;
}

}  // namespace graphony::notation
