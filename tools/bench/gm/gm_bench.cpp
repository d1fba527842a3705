// graphony-gm-bench: builds a dense 2-minute chamber score (the nine chamber instruments in
// runs and chords), writes our MIDI export of it, and renders it offline through the engine,
// timing its own CPU. bench_gm.py runs fluidsynth on the MIDI file in the same run.
//   graphony-gm-bench OUT_DIR   -> OUT_DIR/chamber.mid, OUT_DIR/graphony.wav, JSON on stdout
#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/instrument_traits.h"
#include "core/score.h"
#include "notation/notation.h"
#include "notation/writers.h"
#include "synth/offline_render.h"

using namespace graphony;

namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + 1e-6 * (u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// 120 bpm, 240 beats = 2 minutes. Each instrument plays eighth notes through a scale in its
// range, every fourth one a dyad; the sustained ones hold two-beat notes that overlap.
Events ChamberScore() {
  Events e;
  e.tempo_bpm = 120;
  e.length_beats = 240;
  const int scale[7] = {0, 2, 4, 5, 7, 9, 11};
  int index = 0;
  for (std::string_view id : ChamberInstruments()) {
    const InstrumentTraits& t = *FindInstrument(id);
    e.instruments.push_back({std::string(id), std::string(t.display_name), "", 0, 0, 0});
    const int base = std::max(t.lowest_midi, 48) / 12 * 12;
    for (int step = 0; step < 480; ++step) {
      const int degree = (step * 3 + index * 2) % 14;
      int pitch = base + scale[degree % 7] + 12 * (degree / 7);
      while (pitch > t.highest_midi) pitch -= 12;
      while (pitch < t.lowest_midi) pitch += 12;
      for (int voice = 0; voice < (step % 4 == 0 ? 2 : 1); ++voice) {
        NoteEvent n;
        n.instrument = index;
        n.start_beat = step * 0.5;
        n.duration_beats = t.sustains ? 2.0 : 0.5;
        n.pitch = pitch + voice * (pitch + 4 <= t.highest_midi ? 4 : -3);
        n.quantised_pitch = static_cast<int>(n.pitch);
        n.velocity = 0.55f + 0.05f * static_cast<float>((step + index) % 6);
        n.pan = -0.8f + 0.2f * static_cast<float>(index);
        e.notes.push_back(n);
      }
    }
    ++index;
  }
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: graphony-gm-bench OUT_DIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  const Events events = ChamberScore();
  Score score;
  score.title = "Chamber benchmark";
  score.tempo_bpm = events.tempo_bpm;
  score.length_beats = events.length_beats;
  const auto midi = notation::ToMidiFile(notation::BuildNotation(score, events), events);
  std::ofstream(dir / "chamber.mid", std::ios::binary)
      .write(reinterpret_cast<const char*>(midi.data()), static_cast<std::streamsize>(midi.size()));

  // Like fluidsynth -R 0 -C 0: no reverb; no loudness normalisation (an extra render pass).
  OfflineOptions options;
  options.engine.sample_rate = 48000;
  options.engine.reverb_mix = 0;
  options.engine.max_voices = 256;  // no earlier stealing than fluidsynth's 256 voices
  FileOptions file;
  const double t0 = CpuSeconds();
  RenderToFile(events, dir / "graphony.wav", options, file);
  const double t1 = CpuSeconds();
  std::printf("{\"notes\": %zu, \"render_cpu_s\": %.3f, \"total_cpu_s\": %.3f}\n",
              events.notes.size(), t1 - t0, t1);
  return 0;
}
