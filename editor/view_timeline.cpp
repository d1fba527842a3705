// Ruler and beat grid: tick density adapts to the zoom so labels never crowd.
#include "view_timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace graphony::editor {

namespace {

// Bars between labels so that labels are at least `min_px` apart: 1, 2, 4, 8...
int BarStep(double bar_px, float min_px) {
  int step = 1;
  while (step * bar_px < min_px && step < (1 << 20)) step *= 2;
  return step;
}

double SecondsStep(double px_per_second, float min_px) {
  static constexpr double kSteps[] = {0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600};
  for (double s : kSteps)
    if (s * px_per_second >= min_px) return s;
  return 1200;
}

double BeatsPerBar(const Score& score) { return std::max(1, score.meter.numerator); }

}  // namespace

void DrawTimeline(ImDrawList* dl, ImVec2 p0, ImVec2 p1, const ViewTransform& view,
                  const Score& score, const CanvasColors& colors, float ui_scale) {
  dl->AddRectFilled(p0, p1, colors.ruler_bg);
  dl->PushClipRect(p0, p1, true);
  const float mid = p0.y + (p1.y - p0.y) * 0.55f;
  const double bar_beats = BeatsPerBar(score);
  const double bar_px = bar_beats * view.px_per_beat;
  const int step = BarStep(bar_px, 56 * ui_scale);
  const double first = std::max(0.0, std::floor(view.XToBeat(p0.x) / bar_beats));
  const double last = std::min(score.length_beats / bar_beats, view.XToBeat(p1.x) / bar_beats + 1);
  char label[32];
  // Beats as small ticks when there is room for them.
  if (view.px_per_beat >= 10 * ui_scale) {
    const double b0 = std::max(0.0, std::floor(view.XToBeat(p0.x)));
    const double b1 = std::min(score.length_beats, view.XToBeat(p1.x) + 1);
    for (double b = b0; b <= b1; b += 1) {
      const float x = view.BeatToX(b);
      dl->AddLine(ImVec2(x, mid - 6 * ui_scale), ImVec2(x, mid), colors.ruler_tick, 1);
    }
  }
  for (double bar = first - std::fmod(first, step); bar <= last; bar += step) {
    const float x = view.BeatToX(bar * bar_beats);
    dl->AddLine(ImVec2(x, p0.y + 2), ImVec2(x, mid), colors.ruler_text, 1.5f * ui_scale);
    std::snprintf(label, sizeof label, "%d", static_cast<int>(bar) + 1);
    dl->AddText(ImVec2(x + 4 * ui_scale, p0.y + 1), colors.ruler_text, label);
  }
  // Seconds row (uses the tempo, so it moves when the tempo changes).
  const double px_per_second = view.px_per_beat / score.SecondsPerBeat();
  const double sstep = SecondsStep(px_per_second, 64 * ui_scale);
  const double s_first =
      std::max(0.0, std::floor(view.XToBeat(p0.x) * score.SecondsPerBeat() / sstep) * sstep);
  const double s_last =
      std::min(score.DurationSeconds(), view.XToBeat(p1.x) * score.SecondsPerBeat());
  const float small = ImGui::GetFontSize() * 0.8f;
  for (double s = s_first; s <= s_last + 1e-9; s += sstep) {
    const float x = view.BeatToX(s / score.SecondsPerBeat());
    dl->AddLine(ImVec2(x, mid + 2), ImVec2(x, p1.y), colors.ruler_tick, 1);
    const int whole = static_cast<int>(s);
    if (sstep < 1)
      std::snprintf(label, sizeof label, "%d:%04.1f", whole / 60, s - (whole / 60) * 60);
    else
      std::snprintf(label, sizeof label, "%d:%02d", whole / 60, whole % 60);
    dl->AddText(ImGui::GetFont(), small, ImVec2(x + 3 * ui_scale, mid + 1), colors.ruler_tick,
                label);
  }
  // The end of the score.
  const float end_x = view.BeatToX(score.length_beats);
  dl->AddLine(ImVec2(end_x, p0.y), ImVec2(end_x, p1.y), colors.accent, 2 * ui_scale);
  dl->PopClipRect();
  dl->AddLine(ImVec2(p0.x, p1.y - 1), ImVec2(p1.x, p1.y - 1), colors.bar_line, 1);
}

void DrawBeatGrid(ImDrawList* dl, const ViewTransform& view, const Score& score,
                  const CanvasColors& colors, float ui_scale) {
  const float y0 = view.HeightToY(1), y1 = view.HeightToY(0);
  const double bar_beats = BeatsPerBar(score);
  const double first = std::max(0.0, std::floor(view.XToBeat(view.left)));
  const double last = std::min(score.length_beats, view.LastBeat() + 1);
  const bool show_beats = view.px_per_beat >= 10 * ui_scale;
  const int bar_step = BarStep(bar_beats * view.px_per_beat, 28 * ui_scale);
  for (double b = first; b <= last; b += 1) {
    const double bar = b / bar_beats;
    const bool is_bar = std::fabs(bar - std::round(bar)) < 1e-9;
    if (is_bar && static_cast<int64_t>(std::round(bar)) % bar_step == 0) {
      dl->AddLine(ImVec2(view.BeatToX(b), y0), ImVec2(view.BeatToX(b), y1), colors.bar_line, 1);
    } else if (show_beats) {
      dl->AddLine(ImVec2(view.BeatToX(b), y0), ImVec2(view.BeatToX(b), y1), colors.beat_line, 1);
    }
    if (!show_beats) b += bar_beats * bar_step - 1 - std::fmod(b, bar_beats * bar_step);
  }
}

}  // namespace graphony::editor
