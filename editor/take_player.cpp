// TakePlayer: libsndfile decodes from memory (virtual I/O), PortAudio plays the buffer.
#include "take_player.h"

#include <portaudio.h>
#include <sndfile.h>

#include <algorithm>
#include <cstring>

#include "realtime/devices.h"

namespace graphony::editor {

namespace {

struct MemoryFile {
  const std::vector<uint8_t>* bytes;
  sf_count_t pos = 0;
};

sf_count_t Length(void* u) { return static_cast<sf_count_t>(static_cast<MemoryFile*>(u)->bytes->size()); }
sf_count_t SeekTo(sf_count_t offset, int whence, void* u) {
  auto* m = static_cast<MemoryFile*>(u);
  const sf_count_t size = Length(u);
  sf_count_t p = whence == SEEK_SET ? offset : whence == SEEK_CUR ? m->pos + offset : size + offset;
  m->pos = std::clamp<sf_count_t>(p, 0, size);
  return m->pos;
}
sf_count_t Read(void* out, sf_count_t n, void* u) {
  auto* m = static_cast<MemoryFile*>(u);
  const sf_count_t left = Length(u) - m->pos;
  const sf_count_t k = std::max<sf_count_t>(0, std::min(n, left));
  std::memcpy(out, m->bytes->data() + m->pos, static_cast<size_t>(k));
  m->pos += k;
  return k;
}
sf_count_t Write(const void*, sf_count_t, void*) { return 0; }
sf_count_t Tell(void* u) { return static_cast<MemoryFile*>(u)->pos; }

}  // namespace

TakePlayer::TakePlayer() = default;

TakePlayer::~TakePlayer() { Stop(); }

int TakePlayer::Callback(const void*, void* out, unsigned long frames, const PaStreamCallbackTimeInfo*,
                         unsigned long, void* self) {
  auto* p = static_cast<TakePlayer*>(self);
  float* o = static_cast<float*>(out);
  const int64_t pos = p->position_.load(std::memory_order_relaxed);
  const int64_t n = std::clamp<int64_t>(p->frames_ - pos, 0, static_cast<int64_t>(frames));
  if (n > 0) std::memcpy(o, p->samples_.data() + pos * 2, static_cast<size_t>(n) * 2 * sizeof(float));
  std::fill(o + n * 2, o + static_cast<int64_t>(frames) * 2, 0.f);
  p->position_.store(pos + n, std::memory_order_relaxed);
  return pos + n >= p->frames_ ? paComplete : paContinue;
}

std::string TakePlayer::Play(const std::vector<uint8_t>& bytes, const std::string& device_spec,
                             const std::string& label) {
  Stop();
  MemoryFile mem{&bytes};
  SF_VIRTUAL_IO io{Length, SeekTo, Read, Write, Tell};
  SF_INFO info{};
  SNDFILE* f = sf_open_virtual(&io, SFM_READ, &info, &mem);
  if (!f) return label + ": not a sound file this editor can read";
  if (info.channels < 1 || info.channels > 16 || info.frames <= 0 || info.frames > (int64_t(1) << 31)) {
    sf_close(f);
    return label + ": the recording is empty or damaged";
  }
  std::vector<float> raw(static_cast<size_t>(info.frames) * info.channels);
  const sf_count_t got = sf_readf_float(f, raw.data(), info.frames);
  sf_close(f);
  frames_ = got;
  samples_.assign(static_cast<size_t>(frames_) * 2, 0.f);
  for (int64_t i = 0; i < frames_; ++i) {
    const float l = raw[i * info.channels];
    const float r = info.channels > 1 ? raw[i * info.channels + 1] : l;
    samples_[i * 2] = l;
    samples_[i * 2 + 1] = r;
  }
  position_ = 0;
  try {
    if (!session_) session_ = std::make_unique<PortAudioSession>();
    const DeviceInfo dev = FindDevice(device_spec, DeviceDirection::kOutput);
    PaStreamParameters out{};
    out.device = dev.index;
    out.channelCount = 2;
    out.sampleFormat = paFloat32;
    out.suggestedLatency = dev.default_low_output_latency;
    PaError e = Pa_OpenStream(&stream_, nullptr, &out, info.samplerate, paFramesPerBufferUnspecified,
                              paNoFlag, &TakePlayer::Callback, this);
    if (e != paNoError) {
      stream_ = nullptr;
      return label + ": cannot play it (" + Pa_GetErrorText(e) + ")";
    }
    e = Pa_StartStream(stream_);
    if (e != paNoError) {
      Pa_CloseStream(stream_);
      stream_ = nullptr;
      return label + ": cannot play it (" + Pa_GetErrorText(e) + ")";
    }
  } catch (const std::exception& ex) {
    return ex.what();
  }
  label_ = label;
  return {};
}

void TakePlayer::Stop() {
  if (stream_) {
    Pa_StopStream(stream_);
    Pa_CloseStream(stream_);
    stream_ = nullptr;
  }
  label_.clear();
}

bool TakePlayer::Playing() const { return stream_ && Pa_IsStreamActive(stream_) == 1; }

double TakePlayer::Fraction() const {
  return frames_ > 0 ? static_cast<double>(position_.load(std::memory_order_relaxed)) / frames_ : 0;
}

}  // namespace graphony::editor
