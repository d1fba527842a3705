// DetectNotes: aubio onsets cut the audio into segments; aubio pitch (yinfast, with its
// confidence) names each segment's note(s).
#include "transcribe/detect_notes.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "synth/aubio_api.h"

namespace graphony::transcribe {

namespace {

// One analysis hop: what the pitch detector heard around `seconds`.
struct Frame {
  double seconds = 0;
  double midi = 0;  // 0 = no pitch
  float confidence = 0;
  float level_db = -120;
  bool trusted = false;  // confident, pitched and above the silence floor
};

// aubio objects freed on every path out, exceptions included.
struct AubioDeleter {
  void operator()(aubio_pitch_t* p) const { Aubio().del_pitch(p); }
  void operator()(aubio_onset_t* o) const { Aubio().del_onset(o); }
  void operator()(fvec_t* v) const { Aubio().del_fvec(v); }
};
template <class T>
using AubioPtr = std::unique_ptr<T, AubioDeleter>;

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<long>(mid), values.end());
  return values[mid];
}

// The window long enough for ~45 ms at this rate (low voices and cellos need that much).
uint_t WindowFor(int sample_rate) {
  uint_t n = 256;
  while (n < static_cast<uint_t>(sample_rate * 0.045)) n *= 2;
  return n;
}

// A run of trusted frames holding one pitch.
struct Run {
  std::vector<const Frame*> frames;
  double Pitch() const {
    std::vector<double> m;
    m.reserve(frames.size());
    for (const Frame* f : frames) m.push_back(f->midi);
    return Median(std::move(m));
  }
};

// Splits the trusted frames of one segment into runs of one pitch each. A change of pitch
// counts only once `confirm` frames in a row agree on it (a single octave slip does not
// split a note); a silence longer than `max_gap` ends the run.
std::vector<Run> RunsOf(const std::vector<const Frame*>& frames, size_t confirm, double max_gap) {
  std::vector<Run> runs;
  Run current;
  std::vector<const Frame*> pending;  // frames that disagree with the current run
  auto close = [&] {
    if (!current.frames.empty()) runs.push_back(std::move(current));
    current = Run{};
  };
  for (const Frame* f : frames) {
    if (!current.frames.empty()) {
      const Frame* last = pending.empty() ? current.frames.back() : pending.back();
      if (f->seconds - last->seconds > max_gap) {
        close();
        if (pending.size() >= confirm) current.frames = pending;
        close();
        pending.clear();
      }
    }
    if (current.frames.empty()) {
      current.frames.push_back(f);
      continue;
    }
    if (std::abs(f->midi - current.Pitch()) < 0.8) {
      // Back to the run's pitch: the disagreeing frames were a slip; drop them.
      pending.clear();
      current.frames.push_back(f);
      continue;
    }
    if (!pending.empty() && std::abs(f->midi - pending.front()->midi) >= 0.8) pending.clear();
    pending.push_back(f);
    if (pending.size() >= confirm) {
      close();
      current.frames = pending;
      pending.clear();
    }
  }
  close();
  return runs;
}

}  // namespace

std::vector<HeardNote> DetectNotes(const std::vector<float>& mono, int sample_rate,
                                   const DetectOptions& options) {
  if (sample_rate < 8000 || sample_rate > 384000)
    throw std::runtime_error("the sample rate " + std::to_string(sample_rate) +
                             " Hz is not supported (8000 to 384000)");
  const uint_t window = WindowFor(sample_rate);
  const uint_t hop = window / 8;
  const uint_t rate = static_cast<uint_t>(sample_rate);
  const AubioApi& A = Aubio();  // throws, naming libaubio5, when it cannot be loaded
  AubioPtr<aubio_pitch_t> pitch(A.new_pitch("yinfast", window, hop, rate));
  AubioPtr<aubio_onset_t> onset(A.new_onset("hfc", window / 2, hop, rate));
  AubioPtr<fvec_t> in(A.new_fvec(hop)), pitch_out(A.new_fvec(1)), onset_out(A.new_fvec(1));
  if (!pitch || !onset || !in || !pitch_out || !onset_out)
    throw std::runtime_error("aubio could not set up its detectors");
  A.pitch_set_unit(pitch.get(), "midi");
  A.pitch_set_silence(pitch.get(), static_cast<smpl_t>(options.silence_db));
  A.onset_set_threshold(onset.get(), static_cast<smpl_t>(options.onset_threshold));
  A.onset_set_silence(onset.get(), static_cast<smpl_t>(options.silence_db));
  A.onset_set_minioi_s(onset.get(), static_cast<smpl_t>(options.min_gap_seconds));

  // The pitch detector's estimate describes its whole window: date it at the window's middle.
  const double window_delay = (static_cast<double>(window) / 2 - hop) / sample_rate;
  std::vector<Frame> frames;
  std::vector<double> onsets;
  const size_t total = mono.size();
  frames.reserve(total / hop + 1);
  for (size_t pos = 0; pos < total + window; pos += hop) {  // + window: flush the tail
    for (uint_t i = 0; i < hop; ++i) {
      const size_t k = pos + i;
      const float s = k < total ? mono[k] : 0.0f;
      in->data[i] = std::isfinite(s) ? s : 0.0f;
    }
    A.pitch_do(pitch.get(), in.get(), pitch_out.get());
    A.onset_do(onset.get(), in.get(), onset_out.get());
    Frame f;
    f.seconds = std::max(0.0, static_cast<double>(pos) / sample_rate - window_delay);
    f.midi = pitch_out->data[0];
    f.confidence = A.pitch_get_confidence(pitch.get());
    f.level_db = A.db_spl(in.get());
    f.trusted =
        f.midi > 0 && f.confidence >= options.min_confidence && f.level_db >= options.silence_db;
    frames.push_back(f);
    if (onset_out->data[0] > 0) {
      const double t = static_cast<double>(A.onset_get_last(onset.get())) / sample_rate;
      if (onsets.empty() || t - onsets.back() >= options.min_gap_seconds) onsets.push_back(t);
    }
  }

  // Segments between onsets (and before the first, in case it was missed).
  std::vector<double> bounds{0.0};
  bool starts_with_onset = false;  // an onset at the very start: the first segment has one
  for (double t : onsets) {
    if (t > bounds.back() + 1e-6)
      bounds.push_back(t);
    else
      starts_with_onset = true;
  }
  const double end_of_audio = static_cast<double>(total) / sample_rate;
  bounds.push_back(std::max(end_of_audio, bounds.back()));

  const double hop_seconds = static_cast<double>(hop) / sample_rate;
  // The attack of a note is noisy: its first 25 ms are not used to name the pitch.
  const double attack = 0.025;
  const size_t confirm =
      std::max<size_t>(3, static_cast<size_t>(std::ceil(options.min_note_seconds / hop_seconds)));
  std::vector<HeardNote> notes;
  size_t next_frame = 0;
  for (size_t s = 0; s + 1 < bounds.size(); ++s) {
    const double from = bounds[s], to = bounds[s + 1];
    std::vector<const Frame*> trusted;
    while (next_frame < frames.size() && frames[next_frame].seconds < to) {
      const Frame& f = frames[next_frame++];
      if (f.trusted && f.seconds >= from + attack) trusted.push_back(&f);
    }
    const std::vector<Run> runs = RunsOf(trusted, confirm, 0.1);
    for (size_t r = 0; r < runs.size(); ++r) {
      const Run& run = runs[r];
      // The first run starts at the onset (more precise than the first confident frame).
      const double start =
          r == 0 && (s > 0 || starts_with_onset) ? from : run.frames.front()->seconds;
      const double end = std::min(to, run.frames.back()->seconds + hop_seconds);
      if (end - start < options.min_note_seconds || run.frames.size() < confirm) continue;
      HeardNote note;
      note.start_seconds = start;
      note.duration_seconds = end - start;
      note.midi = run.Pitch();
      double conf = 0;
      for (const Frame* f : run.frames) {
        conf += f->confidence;
        note.level_db = std::max(note.level_db, f->level_db);
      }
      note.confidence = static_cast<float>(conf / static_cast<double>(run.frames.size()));
      // The same pitch straight on, with no new attack: one note that wavered.
      if (!notes.empty() && r > 0 && std::abs(notes.back().midi - note.midi) < 0.8 &&
          start - (notes.back().start_seconds + notes.back().duration_seconds) < 0.15) {
        notes.back().duration_seconds = end - notes.back().start_seconds;
        continue;
      }
      notes.push_back(note);
    }
  }
  return notes;
}

}  // namespace graphony::transcribe
