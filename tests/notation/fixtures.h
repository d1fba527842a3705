// Hand-made scores and events for the notation tests (no Interpret needed).
#pragma once

#include <string>

#include "core/score.h"
#include "interpret/events.h"

namespace graphony::testing {

// C4 D4 E4 F4 G4 A4 B4 C5, one beat each at 60 bpm in 4/4, C major: the staircase.
inline void MakeStaircase(Score* score, Events* events) {
  score->title = "Stairs";
  score->date = "2026-12-01";
  score->tempo_bpm = 60;
  score->length_beats = 8;
  score->mapping.scale = "major";
  score->mapping.root = 60;
  score->mapping.grid = 0.5;
  Contributor ana;
  ana.id = "c1";
  ana.name = "Ana Lopez";
  ana.consent.credit_by_name = true;
  ana.consent.exhibition = true;  // a print names only who also agreed to exhibition
  Contributor hidden;
  hidden.id = "c2";
  hidden.name = "Zebediah Quortle";
  hidden.initials = "Z.Q.";
  score->contributors = {ana, hidden};
  score->palette = {{{30, 90, 200, 255}, "flute", "Flute", ""}};
  events->tempo_bpm = 60;
  events->length_beats = 8;
  events->instruments = {{"flute", "Flute", "", 30, 90, 200}};
  const int pitches[8] = {60, 62, 64, 65, 67, 69, 71, 72};
  for (int i = 0; i < 8; ++i) {
    NoteEvent n;
    n.start_beat = i;
    n.duration_beats = 1;
    n.pitch = pitches[i];
    n.quantised_pitch = pitches[i];
    n.contributor = "c1";
    events->notes.push_back(n);
  }
}

// A busy score: `parts` instruments, `beats` long, notes on a 16th grid with overlaps,
// chords and ties, in `meter`. Deterministic.
inline void MakeDense(Score* score, Events* events, int parts, double beats, Meter meter) {
  score->title = "Dense";
  score->tempo_bpm = 120;
  score->meter = meter;
  score->length_beats = beats;
  score->mapping.scale = "natural-minor";
  score->mapping.root = 62;  // D minor: one flat
  score->mapping.grid = 0.25;
  score->mapping.max_polyphony = 4;
  static const char* kNames[] = {"flute", "bass", "marimba", "soft-pad", "bell", "pluck"};
  events->tempo_bpm = 120;
  events->length_beats = beats;
  unsigned state = 12345;
  auto next = [&state]() { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  for (int p = 0; p < parts; ++p) {
    const std::string name = kNames[p % 6];
    events->instruments.push_back({name, name + " " + std::to_string(p + 1), "",
                                   static_cast<unsigned char>(40 * p), 100, 200});
  }
  for (double t = 0; t < beats; t += 0.25) {
    for (int p = 0; p < parts; ++p) {
      if (next() % 3 != 0) continue;
      NoteEvent n;
      n.start_beat = t + (next() % 5) * 0.01;  // slightly off the grid
      n.duration_beats = 0.25 * (1 + next() % 12);
      n.quantised_pitch = (p % 6 == 1 ? 36 : 60) + static_cast<int>(next() % 24);
      n.pitch = n.quantised_pitch;
      n.instrument = p;
      n.sounding = next() % 2 == 0;
      events->notes.push_back(n);
    }
  }
}

}  // namespace graphony::testing

namespace graphony::testing {

// The staircase painted: a flute stroke climbing C4..C5 by Ana (named), a second colour by
// Z.Q. (not named), and a small gradient picture behind them.
inline void AddPainting(Score* score) {
  score->mapping.lowest = 60;
  score->mapping.highest = 72;
  score->palette.push_back({{200, 40, 40, 255}, "marimba", "Marimba", ""});
  Layer picture;
  picture.kind = Layer::Kind::kImage;
  picture.name = "picture";
  picture.image.start_beat = 0;
  picture.image.length_beats = 8;
  auto image = std::make_shared<Image>();
  image->width = 64;
  image->height = 32;
  image->rgba.resize(64 * 32 * 4);
  for (int y = 0; y < 32; ++y)
    for (int x = 0; x < 64; ++x) {
      uint8_t* p = &image->rgba[(y * 64 + x) * 4];
      p[0] = static_cast<uint8_t>(200 + x / 2), p[1] = static_cast<uint8_t>(220 - y * 2),
      p[2] = 240, p[3] = 255;
    }
  picture.image.pixels = image;
  Layer strokes;
  strokes.kind = Layer::Kind::kStrokes;
  strokes.name = "strokes";
  Stroke climb;
  climb.color = score->palette[0].color;
  climb.contributor = "c1";
  climb.width = 0.04f;
  for (int i = 0; i <= 16; ++i) climb.points.push_back({i * 0.5, i / 16.0, 1});
  Stroke dots;
  dots.color = {205, 45, 35, 255};  // near the marimba colour
  dots.contributor = "c2";
  for (int i = 0; i < 4; ++i) dots.points.push_back({1.0 + i * 2, 0.8 - i * 0.1, 1});
  strokes.strokes.strokes = {climb, dots};
  score->layers = {picture, strokes};
}

// A piano part from C2 to C6, 3/4 at 90 bpm, 4 bars: a left hand of low notes and chords
// under a right hand melody, sometimes at the same onset (a grand staff's two hands).
inline void MakeWidePiano(Score* score, Events* events) {
  score->title = "Wide piano";
  score->tempo_bpm = 90;
  score->meter = {3, 4};
  score->length_beats = 12;
  score->mapping.grid = 0.5;
  score->mapping.max_polyphony = 4;
  events->tempo_bpm = 90;
  events->length_beats = 12;
  events->instruments = {{"piano", "Piano", "", 20, 20, 20}};
  struct N {
    double start, length;
    int pitch;
  };
  const N notes[] = {{0, 3, 36},   {0, 3, 43}, {0, 1, 72},   {1, 1, 76},  {2, 1, 79}, {3, 1.5, 48},
                     {3, 1, 84},   {4, 2, 60}, {4.5, 1, 55}, {6, 3, 41},  {6, 3, 53}, {6, 0.5, 65},
                     {6.5, 1, 69}, {9, 3, 36}, {9, 3, 96},   {10, 2, 59}, {10, 2, 62}};
  for (const N& n : notes) {
    NoteEvent e;
    e.start_beat = n.start;
    e.duration_beats = n.length;
    e.pitch = e.quantised_pitch = n.pitch;
    events->notes.push_back(e);
  }
}

}  // namespace graphony::testing
