// Standard MIDI File type 1 writer: a tempo track, then one track per part.
#include <algorithm>
#include <cmath>

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

}  // namespace

std::vector<uint8_t> ToMidiFile(const NotationScore& ns) {
  // A whole note is 4 * kPpq MIDI ticks and ns.TicksPerWhole() of ours.
  const uint32_t scale = static_cast<uint32_t>(4 * kPpq / ns.TicksPerWhole());
  std::vector<uint8_t> out{'M', 'T', 'h', 'd'};
  Put32(out, 6);
  const size_t tracks = ns.parts.size() + 1;
  out.insert(out.end(), {0x00, 0x01, static_cast<uint8_t>(tracks >> 8),
                         static_cast<uint8_t>(tracks & 0xff), kPpq >> 8, kPpq & 0xff});

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
  PutMeta(conductor, 0, 0x58,
          std::string{static_cast<char>(ns.beats_per_measure), static_cast<char>(log2_unit), 24, 8});
  const uint32_t end_tick = static_cast<uint32_t>(ns.measure_count * ns.TicksPerMeasure()) * scale;
  PutMeta(conductor, end_tick, 0x01, "");  // the file lasts to the final barline
  AppendTrack(out, conductor);

  for (const Part& part : ns.parts) {
    std::vector<TimedMessage> track;
    const uint8_t ch = static_cast<uint8_t>(part.midi_channel & 0x0f);
    PutMeta(track, 0, 0x03, part.name);
    track.push_back({0, 0, {static_cast<uint8_t>(0xc0 | ch), static_cast<uint8_t>(part.midi_program & 0x7f)}});
    for (const QuantisedNote& n : part.notes) {
      const uint8_t key = static_cast<uint8_t>(std::clamp(n.midi, 0, 127));
      const uint8_t vel = static_cast<uint8_t>(std::clamp(std::lround(n.velocity * 127), 1l, 127l));
      track.push_back({static_cast<uint32_t>(n.start) * scale, 2,
                       {static_cast<uint8_t>(0x90 | ch), key, vel}});
      track.push_back({static_cast<uint32_t>(n.end) * scale, 1,
                       {static_cast<uint8_t>(0x80 | ch), key, 0x40}});
    }
    AppendTrack(out, track);
  }
  return out;
}

}  // namespace graphony::notation
