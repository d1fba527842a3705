// ScrubVoices: diff what sounded at the last beat against what sounds at this one.
#include "realtime/scrub_voices.h"

#include <algorithm>

namespace graphony {

int ScrubVoices::NextId() {
  if (next_id_ < kFirstId || next_id_ > kLastId) next_id_ = kFirstId;
  return next_id_++;
}

const std::vector<Command>& ScrubVoices::MoveTo(const Events& events, uint64_t revision,
                                                double beat, std::vector<Command>* out) {
  out->clear();
  if (!started_ || revision != revision_) {
    // New events: indices name other sounds now.
    Release(out);
    revision_ = revision;
    started_ = true;
  }
  SoundingAt(events, beat, &now_);
  if (now_.size() > static_cast<size_t>(kMaxVoices)) now_.resize(kMaxVoices);
  next_.clear();
  // What stopped sounding is released first, so a voice is free for what starts.
  for (const Voice& v : voices_) {
    const bool still = std::any_of(now_.begin(), now_.end(), [&](const SoundingNote& s) {
      return s.source == v.source && s.index == v.index;
    });
    if (!still) out->push_back(Command::NoteOff(v.id));
  }
  for (const SoundingNote& s : now_) {
    auto it = std::find_if(voices_.begin(), voices_.end(), [&](const Voice& v) {
      return v.source == s.source && v.index == s.index;
    });
    if (it == voices_.end()) {
      const int id = NextId();
      out->push_back(Command::NoteOn(id, s.instrument, s.pitch, s.velocity, s.loudness, s.pan));
      next_.push_back({s.source, s.index, id});
    } else {
      if (s.source == SoundingNote::Source::kGesture)
        out->push_back(Command::Gesture(it->id, s.pitch, s.loudness));
      next_.push_back(*it);
    }
  }
  voices_.swap(next_);
  return *out;
}

const std::vector<Command>& ScrubVoices::Release(std::vector<Command>* out) {
  out->clear();
  for (const Voice& v : voices_) out->push_back(Command::NoteOff(v.id));
  voices_.clear();
  started_ = false;
  return *out;
}

}  // namespace graphony
