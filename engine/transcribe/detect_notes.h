// Hearing a melody: aubio's onset and pitch detectors turn mono audio into timed notes.
#pragma once

#include <vector>

namespace graphony::transcribe {

// A note heard in the audio, in seconds from its start.
struct HeardNote {
  double start_seconds = 0;
  double duration_seconds = 0;
  double midi = 60;       // median pitch of its confident frames (fractional)
  float confidence = 0;   // mean pitch confidence of those frames, 0..1
  float level_db = -120;  // loudest frame (dB SPL as aubio measures it, 0 = full scale)
};

struct DetectOptions {
  // Pitch frames below this confidence (aubio_pitch_get_confidence, yinfast) are not trusted:
  // noise, breath and the attack of a plucked note.
  double min_confidence = 0.6;
  double silence_db = -50;        // frames quieter than this are silence
  double onset_threshold = 0.3;   // aubio_onset_set_threshold
  double min_gap_seconds = 0.08;  // two onsets closer than this are one
  double min_note_seconds = 0.05;
};

// Runs aubio over `mono` (any sample rate from 8 kHz). Notes are in time order and do not
// overlap. A segment between two onsets with too few confident frames (a knock, a cough) is
// not a note; a segment whose pitch changes by a semitone or more for long enough (legato,
// no new attack) is split there.
std::vector<HeardNote> DetectNotes(const std::vector<float>& mono, int sample_rate,
                                   const DetectOptions& options = {});

}  // namespace graphony::transcribe
