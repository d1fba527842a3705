// Strokes: split into forward parts, each a gesture with grid/scale-quantised shadow notes.
#include "interpret/strokes.h"

#include <algorithm>
#include <cmath>

#include "core/pitch.h"
#include "interpret/pan.h"
#include "interpret/scale_lookup.h"

namespace graphony::interpret {

namespace {

std::vector<StrokePoint> FinitePoints(const std::vector<StrokePoint>& points) {
  std::vector<StrokePoint> out;
  out.reserve(points.size());
  for (StrokePoint p : points) {
    if (!std::isfinite(p.beat) || !std::isfinite(p.height) || std::abs(p.beat) > kMaxBeats)
      continue;
    p.height = std::clamp(p.height, 0.0, 1.0);
    p.pressure = std::isfinite(p.pressure) ? std::clamp(p.pressure, 0.0f, 1.0f) : 1.0f;
    out.push_back(p);
  }
  return out;
}

// Keeps beats strictly increasing; at a repeated beat (a vertical move) the later point wins,
// so the glide leaves from where the pen ended up.
std::vector<StrokePoint> StrictlyIncreasing(const std::vector<StrokePoint>& run) {
  std::vector<StrokePoint> out;
  for (const StrokePoint& p : run) {
    if (out.empty() || p.beat > out.back().beat + 1e-9) {
      out.push_back(p);
    } else if (p.beat >= out.back().beat - 1e-9) {
      out.back() = p;
    }
  }
  return out;
}

double HeightAtBeat(const std::vector<StrokePoint>& part, double beat) {
  auto it = std::lower_bound(part.begin(), part.end(), beat,
                             [](const StrokePoint& p, double b) { return p.beat < b; });
  if (it == part.begin()) return part.front().height;
  if (it == part.end()) return part.back().height;
  const StrokePoint& b = *it;
  const StrokePoint& a = *(it - 1);
  const double t = (beat - a.beat) / (b.beat - a.beat);
  return a.height + (b.height - a.height) * t;
}

void AddTap(const Mapping& mapping, const Stroke& stroke, const std::vector<StrokePoint>& points,
            int layer_index, const PaletteMatcher& palette, std::vector<NoteEvent>* notes) {
  double beat = points.front().beat, height = 0, pressure = 0;
  for (const StrokePoint& p : points) {
    beat = std::min(beat, p.beat);
    height += p.height;
    pressure += p.pressure;
  }
  height /= static_cast<double>(points.size());
  pressure /= static_cast<double>(points.size());
  const double g = mapping.grid;
  NoteEvent note;
  note.start_beat = std::round(beat / g) * g;  // taps land on the grid: heard as printed
  note.duration_beats = g;
  const StrokePointSound sound = SoundOfStrokePoint(
      mapping, {}, palette, stroke.color, height, static_cast<float>(pressure), stroke.width, true);
  note.quantised_pitch = SnapToScale(mapping, sound.pitch);
  note.pitch = sound.pitch;
  note.velocity = sound.velocity;
  note.instrument = sound.instrument;
  note.pan = sound.pan;
  note.layer = layer_index;
  note.contributor = stroke.contributor;
  notes->push_back(note);
}

GestureEvent MakeGesture(const Mapping& mapping, const std::vector<int>& scale_notes,
                         const Stroke& stroke, const PaletteMatcher& palette,
                         const std::vector<StrokePoint>& part) {
  GestureEvent gesture;
  // Subdivide so the glide's plateaus and slopes survive linear interpolation by the synth:
  // 8 points per scale band crossed (none needed for a continuous mapping).
  const double bands = static_cast<double>(scale_notes.size());
  auto push = [&](double beat, double height, float pressure) {
    if (!gesture.points.empty() && beat <= gesture.points.back().beat) return;
    const StrokePointSound sound = SoundOfStrokePoint(mapping, scale_notes, palette, stroke.color,
                                                      height, pressure, stroke.width, false);
    gesture.points.push_back(GesturePoint{beat, sound.pitch, sound.loudness});
  };
  for (size_t j = 0; j + 1 < part.size(); ++j) {
    const StrokePoint& a = part[j];
    const StrokePoint& b = part[j + 1];
    const int steps =
        bands > 0
            ? std::clamp(static_cast<int>(std::ceil(std::abs(b.height - a.height) * bands * 8)), 1,
                         32)
            : 1;
    for (int s = 0; s < steps; ++s) {
      const double t = static_cast<double>(s) / steps;
      push(a.beat + (b.beat - a.beat) * t, a.height + (b.height - a.height) * t,
           a.pressure + (b.pressure - a.pressure) * static_cast<float>(t));
    }
  }
  push(part.back().beat, part.back().height, part.back().pressure);
  return gesture;
}

}  // namespace

StrokePointSound SoundOfStrokePoint(const Mapping& mapping, const std::vector<int>& scale_notes,
                                    const PaletteMatcher& palette, Color color, double height,
                                    float pressure, float width, bool tap) {
  StrokePointSound s;
  height = std::isfinite(height) ? std::clamp(height, 0.0, 1.0) : 0.5;
  s.instrument = palette.Nearest(ColorToOklab(color));
  s.pan = PanForHeight(height);
  const float loudness = StrokeLoudness(pressure, width);
  if (tap) {
    // A tap lands on the grid as a plain note: heard as printed.
    const double pitch = HeightToPitch(mapping, height);
    s.pitch = mapping.scale == "none" ? pitch : SnapToScale(mapping, pitch);
    s.velocity = loudness;
    s.loudness = 1.0f;
  } else {
    s.pitch = GlidePitch(mapping, scale_notes, height);
    s.velocity = kGestureVelocity;
    s.loudness = loudness;
  }
  return s;
}

float StrokeLoudness(float pressure, float width) {
  if (!std::isfinite(pressure)) pressure = 1;
  if (!std::isfinite(width)) width = 0;
  const float p = std::clamp(pressure, 0.0f, 1.0f);
  const float w = std::clamp(width / 0.04f, 0.0f, 1.0f);
  // A light touch is still heard; a broad, firm stroke is loudest.
  return (0.3f + 0.7f * p) * (0.4f + 0.6f * w);
}

std::vector<std::vector<StrokePoint>> SplitForward(const std::vector<StrokePoint>& input,
                                                   double grid) {
  const std::vector<StrokePoint> points = FinitePoints(input);
  std::vector<std::vector<StrokePoint>> parts;
  if (points.size() < 2) return parts;
  const double tolerance = kTurnToleranceShareOfGrid * grid;

  // Runs of one direction with hysteresis: a turn is only a move back beyond the tolerance
  // from the furthest point reached; smaller moves back are skipped as jitter.
  std::vector<std::pair<int, std::vector<StrokePoint>>> runs;
  std::vector<StrokePoint> current{points.front()};
  int direction = 0;
  double extreme = points.front().beat;
  for (size_t i = 1; i < points.size(); ++i) {
    const StrokePoint& p = points[i];
    if (direction == 0) {
      current.push_back(p);
      if (p.beat > current.front().beat + tolerance) direction = 1;
      if (p.beat < current.front().beat - tolerance) direction = -1;
      extreme = p.beat;
    } else if ((p.beat - extreme) * direction >= 0) {
      current.push_back(p);
      extreme = p.beat;
    } else if ((extreme - p.beat) * direction < tolerance) {
      continue;  // jitter
    } else {
      const StrokePoint pivot = current.back();  // the furthest point: where it turned
      runs.emplace_back(direction, std::move(current));
      current = {pivot, p};
      direction = -direction;
      extreme = p.beat;
    }
  }
  runs.emplace_back(direction, std::move(current));

  for (auto& [dir, run] : runs) {
    if (dir < 0) std::reverse(run.begin(), run.end());
    if (dir == 0)
      std::stable_sort(run.begin(), run.end(), [](auto& a, auto& b) { return a.beat < b.beat; });
    std::vector<StrokePoint> part = StrictlyIncreasing(run);
    if (part.size() < 2 || part.back().beat - part.front().beat < kMinPartShareOfGrid * grid)
      continue;
    parts.push_back(std::move(part));
  }
  return parts;
}

void InterpretStroke(const Mapping& mapping, const Stroke& stroke, int layer_index,
                     const PaletteMatcher& palette, std::vector<GestureEvent>* gestures,
                     std::vector<NoteEvent>* notes) {
  const std::vector<StrokePoint> points = FinitePoints(stroke.points);
  if (points.empty()) return;
  const double grid = mapping.grid;
  double lo = points.front().beat, hi = lo;
  for (const StrokePoint& p : points) {
    lo = std::min(lo, p.beat);
    hi = std::max(hi, p.beat);
  }
  std::vector<std::vector<StrokePoint>> parts;
  if (hi - lo >= kTapShareOfGrid * grid) parts = SplitForward(points, grid);
  if (parts.empty()) {
    AddTap(mapping, stroke, points, layer_index, palette, notes);
    return;
  }

  const ScaleLookup scale(mapping);
  const std::vector<int>& scale_notes = scale.notes();
  const int instrument = palette.Nearest(ColorToOklab(stroke.color));
  for (const std::vector<StrokePoint>& part : parts) {
    GestureEvent gesture = MakeGesture(mapping, scale_notes, stroke, palette, part);
    double mean_height = 0;
    for (const StrokePoint& p : part) mean_height += p.height;
    mean_height /= static_cast<double>(part.size());
    gesture.instrument = instrument;
    gesture.pan = PanForHeight(mean_height);
    gesture.layer = layer_index;
    gesture.contributor = stroke.contributor;
    float loudness = 0;
    for (const GesturePoint& gp : gesture.points) loudness += gp.loudness;
    loudness /= static_cast<float>(gesture.points.size());

    // Shadow notes: the part sampled at the middle of each grid step it covers, snapped to the
    // scale; equal neighbours merge. Very long strokes step in multiples of the grid.
    const double a = part.front().beat, b = part.back().beat;
    const double g = grid * std::max(1.0, std::ceil((b - a) / grid / 8192.0));
    int64_t k0 = std::llround(a / g), k1 = std::llround(b / g);
    if (k1 <= k0) {
      k0 = static_cast<int64_t>(std::floor((a + b) / 2 / g));
      k1 = k0 + 1;
    }
    const int gesture_index = static_cast<int>(gestures->size());
    NoteEvent* open = nullptr;
    for (int64_t k = k0; k < k1; ++k) {
      const double t = std::clamp((static_cast<double>(k) + 0.5) * g, a, b);
      const int q = scale.Printed(HeightAtBeat(part, t));
      if (open && open->quantised_pitch == q) {
        open->duration_beats += g;
        continue;
      }
      NoteEvent note;
      note.start_beat = static_cast<double>(k) * g;
      note.duration_beats = g;
      note.pitch = q;
      note.quantised_pitch = q;
      note.velocity = loudness;
      note.instrument = instrument;
      note.pan = gesture.pan;
      note.layer = layer_index;
      note.contributor = stroke.contributor;
      note.sounding = false;
      note.gesture = gesture_index;
      notes->push_back(note);
      open = &notes->back();
    }
    gestures->push_back(std::move(gesture));
  }
}

}  // namespace graphony::interpret
