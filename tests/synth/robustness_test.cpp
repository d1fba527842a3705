// Hostile Events (NaN, huge, negative, mismatched sizes) never crash, never leak NaN, never
// exceed the ceiling.
#include <doctest/doctest.h>

#include <limits>
#include <random>

#include "audio_analysis.h"
#include "core/instrument_traits.h"
#include "synth/limiter.h"
#include "synth/render_program.h"
#include "synth_events.h"

using namespace graphony;
using namespace graphony::test;

TEST_CASE("random and broken events render finite, bounded audio") {
  std::mt19937 rng(1234);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  auto pick = [&](std::vector<double> v) { return v[rng() % v.size()]; };
  for (int round = 0; round < 6; ++round) {
    Events e;
    e.tempo_bpm = pick({60, 240, 20, nan, -5});
    e.length_beats = 4;
    // The engine's own voices, then soundfont ones (a bowed string and the drum kit).
    for (const InstrumentTraits& t : AllInstruments())
      if (t.kind != InstrumentKind::kGeneralMidi)
        e.instruments.push_back({std::string(t.name), std::string(t.name), "", 0, 0, 0});
    e.instruments.push_back({"cello", "cello", "", 0, 0, 0});
    e.instruments.push_back({"drum-kit", "drum-kit", "", 0, 0, 0});
    std::uniform_real_distribution<double> u(0, 1);
    for (int i = 0; i < 40; ++i) {
      NoteEvent n;
      n.start_beat = pick({u(rng) * 4, -1, nan, 2, 1e300});
      n.duration_beats = pick({u(rng) * 2, 0, -1, nan, 1e-9, 3});
      n.pitch = pick({u(rng) * 100, -50, 500, nan, inf, 60});
      n.velocity = static_cast<float>(pick({u(rng), 5, -1, nan}));
      n.pan = static_cast<float>(pick({u(rng) * 2 - 1, 9, nan}));
      n.instrument = static_cast<int>(pick({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1, 99}));
      e.notes.push_back(n);
    }
    for (int i = 0; i < 6; ++i) {
      GestureEvent g;
      g.instrument = static_cast<int>(rng() % 11);
      for (int k = 0; k < 5; ++k)
        g.points.push_back({pick({u(rng) * 4, nan, 1.0}), pick({u(rng) * 90, nan, 300}),
                            static_cast<float>(pick({u(rng), nan, 7}))});
      e.gestures.push_back(g);
    }
    NoteEvent sane;  // one ordinary note: it must still be heard among the broken ones
    sane.start_beat = 0.5;
    sane.duration_beats = 2;
    sane.pitch = 64;
    e.notes.push_back(sane);
    PartialBank b;
    b.start_beat = pick({0, nan, 1});
    b.length_beats = pick({3, 0, inf});
    b.columns = static_cast<int>(pick({4, 0, 1}));
    for (int r = 0; r < 70; ++r)
      b.rows.push_back({pick({u(rng) * 20000, nan, -3, 1e9}), static_cast<float>(pick({0, nan})),
                        std::vector<float>(static_cast<size_t>(pick({4, 3, 1})),
                                           static_cast<float>(pick({1, nan, -2, 50})))});
    e.banks.push_back(b);
    OfflineOptions o;
    o.engine.samples_dir = std::string(GRAPHONY_SOURCE_DIR) + "/samples";
    o.tail_seconds = 1;
    o.to_beat = 4;
    INFO("round " << round);
    const RenderedAudio a = RenderToBuffers(e, o);
    CHECK(AllFinite(a.left));
    CHECK(AllFinite(a.right));
    CHECK(Peak(a.left) <= Limiter::kCeiling);
    CHECK(Peak(a.right) <= Limiter::kCeiling);
    CHECK(Rms(a.left) > 1e-3);  // the sane note still sounds: no NaN silenced the mix
  }
}
