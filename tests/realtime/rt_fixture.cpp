// Test helper for the real-time script tests: writes the test scores and renders a score
// offline through the same SynthEngine, so live recordings can be compared with it.
//   rt_fixture scores DIR          -> DIR/staircase.json, DIR/moderate.json, DIR/chamber.json,
//   DIR/midi-in.json,
//                                     DIR/sampler.graphony (its sampler sound is inside)
//   rt_fixture render SCORE OUT.wav [FROM_BEAT]
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/file_io.h"
#include "core/score_io.h"
#include "interpret/interpret.h"
#include "synth/offline_render.h"
#include "synth/sound_file.h"

namespace {

using namespace graphony;

// Mapping with no scale: height maps linearly to MIDI lowest..highest (60..72 unless a
// score widens it), so a flat stroke sounds exactly the pitch asked for.
Score BaseScore(double tempo, double length) {
  Score s;
  s.title = "realtime test";
  s.tempo_bpm = tempo;
  s.length_beats = length;
  s.mapping.scale = "none";
  s.mapping.lowest = 60;
  s.mapping.highest = 72;
  s.palette = {{Color{200, 40, 40, 255}, "sine", "Sine", ""},
               {Color{40, 40, 200, 255}, "soft-pad", "Pad", ""},
               {Color{40, 160, 40, 255}, "pluck", "Pluck", ""},
               {Color{220, 200, 40, 255}, "marimba", "Marimba", ""}};
  Layer layer;
  layer.kind = Layer::Kind::kStrokes;
  layer.name = "strokes";
  s.layers.push_back(layer);
  return s;
}

void AddFlatStroke(Score& s, Color c, double beat, double length, double pitch, float pressure) {
  Stroke st;
  st.color = c;
  st.width = 0.03f;
  const double h = (pitch - s.mapping.lowest) / (s.mapping.highest - s.mapping.lowest);
  for (int i = 0; i <= 8; ++i) st.points.push_back({beat + length * i / 8.0, h, pressure});
  s.layers[0].strokes.strokes.push_back(st);
}

void Write(const Score& s, const std::filesystem::path& path) {
  const std::string json = ScoreToJson(s);
  WriteFileAtomically(path, json.data(), json.size());
}

// C4 D4 E4 F4 G4 A4 B4 C5, one beat each at 120 bpm (0.5 s), a sine, slightly short so the
// steps are clean for the pitch tracker.
Score Staircase() {
  Score s = BaseScore(120, 8);
  const int steps[] = {60, 62, 64, 65, 67, 69, 71, 72};
  for (int i = 0; i < 8; ++i) AddFlatStroke(s, s.palette[0].color, i, 0.9, steps[i], 0.9f);
  return s;
}

// For MIDI input: the sine is colour 1 (colour 0 a marimba, so the keyboard's colour
// choice is heard), and the one stroke, at beat 38, comes after the test has stopped.
Score MidiIn() {
  Score s = BaseScore(120, 40);
  std::swap(s.palette[0], s.palette[3]);
  std::swap(s.palette[1], s.palette[3]);  // marimba, sine, pluck, pad
  AddFlatStroke(s, s.palette[0].color, 38, 1, 60, 0.5f);
  return s;
}

// A moderate score: 4 instruments, 3-note chords every beat plus a melody, 32 beats at 96.
Score Moderate() {
  Score s = BaseScore(96, 32);
  s.mapping.lowest = 48;
  s.mapping.highest = 84;
  for (int b = 0; b < 32; ++b) {
    const double root = 60 + (b % 4) * 2;
    AddFlatStroke(s, s.palette[1].color, b, 0.95, root, 0.6f);
    AddFlatStroke(s, s.palette[1].color, b, 0.95, root + 4, 0.6f);
    AddFlatStroke(s, s.palette[3].color, b, 0.5, root + 7, 0.7f);
    AddFlatStroke(s, s.palette[2].color, b + 0.5, 0.4, 72 - (b % 5), 0.8f);
  }
  return s;
}

// Soundfont instruments (FluidSynth voices inside the engine): cello and clarinet melodies,
// harp and piano chords, the drum kit, a bowed glide; 8 beats at 120 bpm.
Score Chamber() {
  Score s = BaseScore(120, 8);
  s.mapping.lowest = 36;
  s.mapping.highest = 84;
  s.palette = {{Color{140, 60, 30, 255}, "cello", "Cello", ""},
               {Color{30, 60, 140, 255}, "clarinet", "Clarinet in Bb", ""},
               {Color{200, 180, 60, 255}, "concert-harp", "Harp", ""},
               {Color{20, 20, 20, 255}, "piano", "Piano", ""},
               {Color{160, 160, 160, 255}, "drum-kit", "Drum kit", ""}};
  const int cello[] = {48, 50, 52, 53, 55, 57, 59, 60};
  for (int i = 0; i < 8; ++i) {
    AddFlatStroke(s, s.palette[0].color, i, 0.95, cello[i], 0.8f);
    AddFlatStroke(s, s.palette[1].color, i + 0.5, 0.45, 67 + (i % 4) * 2, 0.7f);
    AddFlatStroke(s, s.palette[2].color, i, 0.3, 60 + (i % 3) * 4, 0.8f);
    AddFlatStroke(s, s.palette[3].color, i + 0.25, 0.5, 64 + (i % 2) * 3, 0.6f);
    AddFlatStroke(s, s.palette[4].color, i, 0.2, i % 2 ? 38 : 36, 0.9f);  // kick, snare
  }
  return s;
}

// A bundle whose only instrument is a sampler playing a sound stored inside the bundle:
// "tone-A4.wav", a 660 Hz sine named as if it were A4, so one flat stroke at A4 sounds
// 660 Hz (MIDI 76.02) only if that very file is played.
Score SamplerBundle() {
  Score s = BaseScore(120, 4);
  s.palette = {{Color{200, 40, 40, 255}, "sampler", "Bundle tone", "tone-A4.wav"}};
  s.mapping.lowest = 60;
  s.mapping.highest = 72;
  AddFlatStroke(s, s.palette[0].color, 0, 3, 69, 0.9f);
  const std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                                    ("rt-fixture-tone-" + std::to_string(getpid()) + ".wav");
  std::vector<float> tone(48000);
  for (size_t i = 0; i < tone.size(); ++i)
    tone[i] =
        0.6f * static_cast<float>(std::sin(2 * M_PI * 660.0 * static_cast<double>(i) / 48000.0));
  SoundFileWriter w;
  w.Open(tmp, 1, 48000, FileOptions{});
  w.Write(tone.data(), static_cast<int64_t>(tone.size()));
  w.Finish();
  s.assets.files["tone-A4.wav"] =
      std::make_shared<const std::vector<uint8_t>>(ReadFileBytes(tmp, tmp.string(), 1 << 24));
  std::filesystem::remove(tmp);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "scores" && argc == 3) {
      const std::filesystem::path dir = argv[2];
      Write(Staircase(), dir / "staircase.json");
      Write(Moderate(), dir / "moderate.json");
      Write(Chamber(), dir / "chamber.json");
      Write(MidiIn(), dir / "midi-in.json");
      SaveScore(SamplerBundle(), dir / "sampler.graphony");
      return 0;
    }
    if (cmd == "render" && (argc == 4 || argc == 5)) {
      const Events events = Interpret(LoadScore(argv[2]));
      OfflineOptions options;
      options.engine.sample_rate = 48000;
      if (argc == 5) options.from_beat = std::atof(argv[4]);
      FileOptions file;
      file.sample_format = SampleFormat::kFloat;
      RenderToFile(events, argv[3], options, file);
      return 0;
    }
    std::fprintf(stderr, "usage: rt_fixture scores DIR | render SCORE OUT.wav [FROM]\n");
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rt_fixture: %s\n", e.what());
    return 1;
  }
}
