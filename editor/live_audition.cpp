// LiveAudition: canvas stroke events -> live engine commands (never blocks: a queue push each).
#include "live_audition.h"

#include <algorithm>
#include <cmath>

#include "core/pitch.h"
#include "interpret/interpret.h"
#include "interpret/strokes.h"

namespace graphony::editor {

namespace {

constexpr double kDotSeconds = 0.35;  // how long a tapped dot rings before its release
constexpr int kFirstId = 1000;        // below: ids the transport uses (count-in clicks)
constexpr int kLastId = 1 << 29;

}  // namespace

interpret::StrokePointSound LiveAudition::SoundAt(const Score& score, const CanvasEvent& e,
                                                  float brush_size, bool tap) const {
  const int instruments = std::max<int>(1, static_cast<int>(score.palette.size()));
  const int index = std::clamp(e.palette_index, 0, instruments - 1);
  const Color color = score.palette.empty() ? Color{255, 255, 255, 255}
                                            : score.palette[static_cast<size_t>(index)].color;
  // The same point -> sound mapping Interpret uses for strokes (the stroke is painted in the
  // swatch's colour), so what you hear while drawing is what plays back.
  return interpret::SoundOfStrokePoint(mapping_, scale_notes_, *palette_, color, e.height,
                                       e.pressure, brush_size, tap);
}

void LiveAudition::Process(const CanvasEvents& events, const Score& score, float brush_size,
                           LivePlayer* player, double now,
                           std::chrono::steady_clock::time_point frame_start) {
  if (dot_id_ >= 0 && now >= dot_off_at_) {
    if (player) player->NoteOff(dot_id_);
    dot_id_ = -1;
  }
  if (!player) {
    stroke_id_ = -1;
    return;
  }
  for (const CanvasEvent& e : events.events) {
    switch (e.kind) {
      case CanvasEvent::Kind::kStrokeBegin:
      case CanvasEvent::Kind::kDot: {
        if (stroke_id_ >= 0) player->NoteOff(stroke_id_);
        // The mapping and palette are read once per stroke (allocation is allowed here).
        mapping_ = SanitisedMapping(score.mapping);
        scale_notes_ = ScaleNotesInRange(mapping_);
        palette_.emplace(score.palette);
        const int id = next_id_ < kFirstId || next_id_ > kLastId ? kFirstId : next_id_;
        next_id_ = id + 1;
        const bool tap = e.kind == CanvasEvent::Kind::kDot;
        const interpret::StrokePointSound s = SoundAt(score, e, brush_size, tap);
        player->NoteOnProbed(id, s.instrument, s.pitch, s.velocity, s.loudness, s.pan);
        note_on_time_ = std::chrono::steady_clock::now();
        handling_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                 frame_start)
                           .count();
        ++notes_started_;
        if (tap) {
          if (dot_id_ >= 0) player->NoteOff(dot_id_);
          dot_id_ = id;
          dot_off_at_ = now + kDotSeconds;
          stroke_id_ = -1;
        } else {
          stroke_id_ = id;
        }
        break;
      }
      case CanvasEvent::Kind::kStrokePoint:
        if (stroke_id_ >= 0 && palette_) {
          const interpret::StrokePointSound s = SoundAt(score, e, brush_size, false);
          player->Gesture(stroke_id_, s.pitch, s.loudness);
        }
        break;
      case CanvasEvent::Kind::kStrokeEnd:
      case CanvasEvent::Kind::kStrokeCancel:
        if (stroke_id_ >= 0) player->NoteOff(stroke_id_);
        stroke_id_ = -1;
        break;
    }
  }
}

void LiveAudition::Silence(LivePlayer* player) {
  if (player) {
    if (stroke_id_ >= 0) player->NoteOff(stroke_id_);
    if (dot_id_ >= 0) player->NoteOff(dot_id_);
  }
  stroke_id_ = dot_id_ = -1;
}

double LiveAudition::LastInputToSoundMs(LivePlayer* player) const {
  if (!player || handling_ms_ < 0) return -1;
  const double audio_s = player->LastNoteLatencySeconds();
  return audio_s < 0 ? -1 : handling_ms_ + audio_s * 1000.0;
}

double LiveAudition::LastFirstSampleClockSeconds(LivePlayer* player) const {
  if (!player || handling_ms_ < 0) return -1;
  const double audio_s = player->LastNoteLatencySeconds();
  if (audio_s < 0) return -1;
  return std::chrono::duration<double>(note_on_time_.time_since_epoch()).count() + audio_s;
}

}  // namespace graphony::editor
