// BuildMelodyLayer: heard notes -> strokes on the score's grid and scale.
#include "transcribe/melody_layer.h"

#include <algorithm>
#include <cmath>

#include "core/pitch.h"
#include "interpret/interpret.h"
#include "interpret/strokes.h"

namespace graphony::transcribe {

namespace {

// A pitch moved by octaves into [lowest, highest] (clamped when the range is under an octave).
double FoldIntoRange(double midi, double lowest, double highest, bool* folded) {
  double m = midi;
  if (highest - lowest >= 12) {
    while (m < lowest - 0.5) m += 12;
    while (m > highest + 0.5) m -= 12;
  }
  m = std::clamp(m, lowest, highest);
  *folded = std::abs(m - midi) > 0.5;
  return m;
}

}  // namespace

MelodyLayer BuildMelodyLayer(const Score& score, const std::vector<HeardNote>& notes,
                             const Placement& placement) {
  const Mapping mapping = SanitisedMapping(score.mapping);
  const PitchMap pitch_map(mapping);
  const double grid = mapping.grid;
  const double beats_per_second = score.tempo_bpm / 60.0;
  Color colour;
  if (placement.colour >= 0 && placement.colour < static_cast<int>(score.palette.size()))
    colour = score.palette[static_cast<size_t>(placement.colour)].color;

  float loudest = -120;
  for (const HeardNote& n : notes) loudest = std::max(loudest, n.level_db);

  MelodyLayer out;
  out.layer.kind = Layer::Kind::kStrokes;
  out.layer.name = placement.layer_name;
  for (size_t i = 0; i < notes.size(); ++i) {
    const HeardNote& n = notes[i];
    double start = placement.at_beat + n.start_seconds * beats_per_second;
    double end = start + n.duration_seconds * beats_per_second;
    const double nearest = std::round(start / grid) * grid;
    if (std::abs(start - nearest) <= 0.25 * grid) start = nearest;
    // Leave a little air before the next note so two strokes never overlap.
    if (i + 1 < notes.size()) {
      double next = placement.at_beat + notes[i + 1].start_seconds * beats_per_second;
      const double next_grid = std::round(next / grid) * grid;
      if (std::abs(next - next_grid) <= 0.25 * grid) next = next_grid;
      end = std::min(end, next - 0.05 * grid);
    }
    if (start < 0 || start > kMaxBeats) continue;
    end = std::min(end, kMaxBeats);
    bool folded = false;
    const double midi = FoldIntoRange(n.midi, mapping.lowest, mapping.highest, &folded);
    out.folded += folded ? 1 : 0;
    const double height = pitch_map.Height(pitch_map.Snap(midi));

    Stroke stroke;
    stroke.color = colour;
    stroke.contributor = placement.contributor;
    // 30 dB below the loudest note is the lightest touch.
    stroke.points.push_back(StrokePoint{start, height, 1.0f});
    const float pressure = std::clamp(1.0f + (n.level_db - loudest) / 30.0f, 0.0f, 1.0f);
    if (end - start >= interpret::kTapShareOfGrid * grid) {
      stroke.points.push_back(StrokePoint{(start + end) / 2, height, pressure});
      stroke.points.push_back(StrokePoint{end, height, pressure});
    }
    stroke.points.front().pressure = pressure;
    out.layer.strokes.strokes.push_back(std::move(stroke));
    ++out.notes;
  }
  return out;
}

}  // namespace graphony::transcribe
