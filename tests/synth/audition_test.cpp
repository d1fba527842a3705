// Live audition sounds like playback: the same stroke, fed point by point through the
// engine's live API (as the editor does while drawing) and played back from Interpret(), has
// the same level and pan (within 0.5 dB in each channel).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "audio_analysis.h"
#include "core/pitch.h"
#include "core/score_defaults.h"
#include "interpret/interpret.h"
#include "interpret/strokes.h"
#include "synth/engine.h"
#include "synth/render_program.h"

using namespace graphony;
using graphony::test::Rms;

namespace {

constexpr double kRate = 48000;
constexpr int kFrames = 48000 * 4;  // 4 beats at 60 bpm

// One flat stroke high on the canvas (so panned right), light and thin (so not at full level).
Score OneStroke(const std::string& instrument) {
  Score score = NewScore();
  score.tempo_bpm = 60;
  score.length_beats = 4;
  score.palette = {{Color{0x56, 0xb4, 0xe9, 0xff}, instrument, "", ""}};
  Layer layer;
  layer.kind = Layer::Kind::kStrokes;
  Stroke s;
  s.color = score.palette[0].color;
  s.width = 0.015f;
  for (int k = 0; k <= 30; ++k) s.points.push_back({0.5 + 0.1 * k, 0.85, 0.4f});
  layer.strokes.strokes.push_back(s);
  score.layers.push_back(layer);
  return score;
}

struct Stereo {
  std::vector<float> l = std::vector<float>(kFrames), r = std::vector<float>(kFrames);
};

EngineSettings Settings() {
  EngineSettings s;
  s.sample_rate = kRate;
  s.reverb_mix = 0;  // compare the voices, not the room
  return s;
}

Stereo Playback(const Events& events) {
  const auto program = PrepareProgram(events, Settings());
  SynthEngine engine(Settings());
  engine.SetProgram(program.get());
  engine.SetPlaying(true);
  Stereo out;
  engine.Render(out.l.data(), out.r.data(), kFrames);
  return out;
}

// The editor's path: NoteOn when the pen goes down, a Gesture per point as it moves, NoteOff
// when it lifts, all timed to the stroke's beats (1 beat = 1 s here). `old_way` replays what
// live_audition.cpp did before (velocity = loudness, no pan), to show this test can fail.
Stereo Live(const Score& score, const Events& events, bool old_way) {
  Events instruments_only = events;
  instruments_only.notes.clear();
  instruments_only.gestures.clear();
  const auto program = PrepareProgram(instruments_only, Settings());
  SynthEngine engine(Settings());
  engine.SetProgram(program.get());
  const Mapping mapping = SanitisedMapping(score.mapping);
  const std::vector<int> notes = ScaleNotesInRange(mapping);
  const interpret::PaletteMatcher palette(score.palette);
  const Stroke& stroke = score.layers[0].strokes.strokes[0];
  Stereo out;
  int done = 0;
  auto render_to = [&](double seconds) {
    const int until = std::min(kFrames, static_cast<int>(seconds * kRate));
    if (until > done) engine.Render(out.l.data() + done, out.r.data() + done, until - done);
    done = std::max(done, until);
  };
  for (size_t k = 0; k < stroke.points.size(); ++k) {
    const StrokePoint& p = stroke.points[k];
    render_to(p.beat);
    const interpret::StrokePointSound s = interpret::SoundOfStrokePoint(
        mapping, notes, palette, stroke.color, p.height, p.pressure, stroke.width, false);
    if (k == 0) {
      if (old_way)
        engine.LiveNoteOn(1, s.instrument, s.pitch, s.loudness);
      else
        engine.LiveNoteOn(1, s.instrument, s.pitch, s.velocity, s.loudness, s.pan);
    } else {
      engine.LiveGesture(1, s.pitch, s.loudness);
    }
  }
  render_to(stroke.points.back().beat);
  engine.LiveNoteOff(1);
  render_to(4.0);
  return out;
}

double Db(double x) { return 20 * std::log10(std::max(x, 1e-12)); }

}  // namespace

TEST_CASE("auditioning a stroke matches its playback in level and pan") {
  for (const char* instrument : {"flute", "soft-pad", "sine"}) {
    INFO(instrument);
    const Score score = OneStroke(instrument);
    const Events events = Interpret(score);
    REQUIRE(events.gestures.size() == 1);
    const Stereo played = Playback(events);
    const Stereo live = Live(score, events, false);
    // The steady middle of the stroke (beats 1..3).
    const size_t a = 48000, b = 48000 * 3;
    const double pl = Rms(played.l, a, b), pr = Rms(played.r, a, b);
    const double ll = Rms(live.l, a, b), lr = Rms(live.r, a, b);
    REQUIRE(pl > 1e-3);
    CHECK(std::fabs(Db(ll) - Db(pl)) < 0.5);
    CHECK(std::fabs(Db(lr) - Db(pr)) < 0.5);
    CHECK(std::fabs((Db(lr) - Db(ll)) - (Db(pr) - Db(pl))) < 0.5);  // the same pan
    CHECK(Db(pr) - Db(pl) > 1.0);  // and the stroke is audibly right of centre

    // The audition as it was (loudness squared, centred) fails the same comparison.
    const Stereo old = Live(score, events, true);
    const double ol = Rms(old.l, a, b), orr = Rms(old.r, a, b);
    CHECK(std::fabs(Db(orr) - Db(pr)) > 0.5);
    CHECK(std::fabs((Db(orr) - Db(ol)) - (Db(pr) - Db(pl))) > 0.5);
  }
}
